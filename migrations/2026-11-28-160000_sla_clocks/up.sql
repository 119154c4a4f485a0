-- The SLA engine's state: each ticket's clocks (with their pauses) and deadlines, the escalations that fired,
-- e-mail addresses and the outbox that delivers notifications by mail, and the backlog alerts per pole.
-- Codes mirror app/src/domain/sla.rs and app/src/domain/backlog.rs.

-- One row per ticket × measure × cycle. The history (start, pauses, stop) is the truth; due_at and
-- next_escalation_at are derived from it on every change and stored so that the scheduler and the queues
-- read an index, and so that a restart loses nothing.
CREATE TABLE ticket_clocks (
    ticket_id           BIGINT NOT NULL REFERENCES tickets (id),
    measure             TEXT NOT NULL CHECK (measure IN ('PRISE_EN_CHARGE', 'RESOLUTION', 'OLA_POLE')),
    cycle               SMALLINT NOT NULL CHECK (cycle >= 1),
    -- The pole whose internal target an OLA_POLE clock measures; the ticket's pole at start otherwise.
    pole                TEXT NOT NULL REFERENCES poles (code),
    calendar_code       TEXT NOT NULL REFERENCES business_calendars (code),
    priority            TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    target_minutes      INTEGER NOT NULL CHECK (target_minutes BETWEEN 1 AND 525600),
    started_at          TIMESTAMPTZ NOT NULL,
    -- [{"from": …, "until": … | null}], in order; the last one is open while the clock is paused.
    pauses              JSONB NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(pauses) = 'array'),
    stopped_at          TIMESTAMPTZ CHECK (stopped_at >= started_at),
    -- The deadline; empty while the clock is paused (the time left is then remaining_seconds).
    due_at              TIMESTAMPTZ,
    remaining_seconds   BIGINT,
    -- Set when the clock stopped after its deadline.
    breached            BOOLEAN,
    -- The earliest threshold not fired yet, while the clock runs: what the scheduler waits for.
    next_escalation_at  TIMESTAMPTZ,
    PRIMARY KEY (ticket_id, measure, cycle),
    CHECK ((stopped_at IS NULL) = (breached IS NULL)),
    CHECK (stopped_at IS NULL OR next_escalation_at IS NULL)
);
CREATE INDEX ticket_clocks_escalation_idx ON ticket_clocks (next_escalation_at) WHERE next_escalation_at IS NOT NULL;
CREATE INDEX ticket_clocks_running_due_idx ON ticket_clocks (due_at) WHERE stopped_at IS NULL;

-- Every threshold that fired, once per ticket × measure × cycle × percent: the primary key is what makes a
-- second instance, or a restart, find the step already done. Append-only.
CREATE TABLE sla_escalations (
    ticket_id   BIGINT NOT NULL,
    measure     TEXT NOT NULL,
    cycle       SMALLINT NOT NULL,
    percent     SMALLINT NOT NULL CHECK (percent BETWEEN 1 AND 500),
    action      TEXT NOT NULL CHECK (action IN ('NOTIFIER_ASSIGNE', 'NOTIFIER_SUPERVISEUR', 'RELEVER_PRIORITE', 'REAFFECTER')),
    -- When the threshold fell due, and when it fired: later than due when no instance was running.
    due_at      TIMESTAMPTZ NOT NULL,
    fired_at    TIMESTAMPTZ NOT NULL,
    late        BOOLEAN NOT NULL,
    PRIMARY KEY (ticket_id, measure, cycle, percent),
    FOREIGN KEY (ticket_id, measure, cycle) REFERENCES ticket_clocks (ticket_id, measure, cycle)
);
CREATE TRIGGER sla_escalations_append_only
    BEFORE UPDATE OR DELETE ON sla_escalations
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

-- A notification belongs to one event (a transition, a threshold, an alert); the same person is told of an
-- event once, however many capacities they hold in it.
ALTER TABLE notifications ADD COLUMN event_key TEXT;
CREATE UNIQUE INDEX notifications_one_per_event_idx ON notifications (user_id, event_key);

-- Mail written in the transaction of its notification and delivered by the mailer job: a rolled-back
-- change sends nothing, a committed one is sent even if the server stops right after.
CREATE TABLE mail_outbox (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id  BIGINT NOT NULL UNIQUE REFERENCES notifications (id),
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    -- The page the mail links to, joined to the public address by the mailer (e.g. /tickets/INC-2026-000001).
    link_path        TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    attempts         SMALLINT NOT NULL DEFAULT 0,
    sent_at          TIMESTAMPTZ,
    -- Set when delivery was abandoned after too many attempts.
    failed_at        TIMESTAMPTZ,
    last_error       TEXT
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- Backlog automation, per pole: the estimated effort of a ticket, and when to alert.
CREATE TABLE backlog_settings (
    pole                    TEXT PRIMARY KEY REFERENCES poles (code) CHECK (pole <> 'QUALITE'),
    -- The effort a ticket of this pole is expected to take, unless its catalog entry says otherwise.
    default_effort_minutes  INTEGER NOT NULL CHECK (default_effort_minutes BETWEEN 1 AND 10000),
    -- Alert when more open tickets than this are at risk (half their resolution target used or more).
    at_risk_alert           INTEGER NOT NULL CHECK (at_risk_alert BETWEEN 1 AND 10000),
    -- A ticket nobody updated for this many days is stale.
    stale_after_days        INTEGER NOT NULL CHECK (stale_after_days BETWEEN 1 AND 365)
);
-- Front Office: short calls and resets; Back Office: a half-hour intervention on average; Expert: analyses;
-- Atelier: a workstation preparation or repair takes about two hours.
INSERT INTO backlog_settings (pole, default_effort_minutes, at_risk_alert, stale_after_days) VALUES
    ('FRONT', 15, 10, 2),
    ('BACK', 45, 8, 5),
    ('EXPERT', 120, 5, 10),
    ('ATELIER', 120, 5, 5);
ALTER TABLE catalog_entries ADD COLUMN estimated_minutes INTEGER CHECK (estimated_minutes BETWEEN 1 AND 10000);
UPDATE catalog_entries SET estimated_minutes = 120 WHERE code IN ('COMPTE_NOUVEL_ARRIVANT', 'COMPTE_DEPART');
UPDATE catalog_entries SET estimated_minutes = 5 WHERE code = 'COMPTE_MOT_DE_PASSE';

-- When agents are on duty: a week as in business_calendars (seven strings of openings, Monday first).
-- An agent without a row works the hours of their site's calendar.
CREATE TABLE agent_schedules (
    user_id  BIGINT PRIMARY KEY REFERENCES users (id),
    week     JSONB NOT NULL CHECK (jsonb_typeof(week) = 'array' AND jsonb_array_length(week) = 7)
);

-- An alert sent about a pole's backlog, once per pole, reason and period (the hour for an overload, the day
-- for at-risk and stale tickets): what keeps two instances and restarts from sending it twice.
CREATE TABLE backlog_alerts (
    pole        TEXT NOT NULL REFERENCES poles (code),
    reason      TEXT NOT NULL CHECK (reason IN ('SURCHARGE', 'RISQUE', 'INACTIFS')),
    period      TEXT NOT NULL,
    raised_at   TIMESTAMPTZ NOT NULL,
    detail      JSONB NOT NULL,
    PRIMARY KEY (pole, reason, period)
);
