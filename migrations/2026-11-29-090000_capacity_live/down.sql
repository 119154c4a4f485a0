DROP TRIGGER tickets_announce_change ON tickets;
DROP FUNCTION announce_ticket_change();
DROP INDEX ticket_effort_pole_idx;
DROP INDEX tickets_arrivals_idx;
