-- When the last reminder to the requester was sent: the next reminder, and the automatic resolution after
-- the last one, come a full reminder period after it, whatever downtime came in between (counting from the
-- question instead made a ticket asked last week get its reminders one minute apart at start-up).
ALTER TABLE tickets ADD COLUMN last_reminded_at TIMESTAMPTZ;

UPDATE tickets SET last_reminded_at = (
    SELECT max(history.at) FROM ticket_history history
    WHERE history.ticket_id = tickets.id AND history.action = 'RAPPELER' AND history.at >= tickets.waiting_since
)
WHERE status = 'ATTENTE_DEMANDEUR' AND reminders_sent > 0;
