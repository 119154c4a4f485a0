-- The activity lifecycle: tickets of the five kinds, their readable references, their append-only history,
-- comments and internal notes, effort, links between tickets, and in-app notifications.
-- Codes mirror the Rust enums in app/src/domain/{ticket,workflow}.rs.

-- One counter per kind and year: INC-2026-000123. Incremented with INSERT … ON CONFLICT … RETURNING, which
-- serialises concurrent registrations on the counter row, so no reference is ever given twice.
CREATE TABLE ticket_counters (
    kind      TEXT NOT NULL CHECK (kind IN ('EVENEMENT', 'INCIDENT', 'PROBLEME', 'DEMANDE', 'CHANGEMENT')),
    year      SMALLINT NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_seq  INTEGER NOT NULL CHECK (last_seq BETWEEN 1 AND 999999),
    PRIMARY KEY (kind, year)
);

CREATE TABLE tickets (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference              TEXT NOT NULL UNIQUE CHECK (reference ~ '^(EVT|INC|PRB|DEM|CHG)-[0-9]{4}-[0-9]{6}$'),
    kind                   TEXT NOT NULL CHECK (kind IN ('EVENEMENT', 'INCIDENT', 'PROBLEME', 'DEMANDE', 'CHANGEMENT')),
    status                 TEXT NOT NULL CHECK (status IN ('NOUVEAU', 'EN_COURS', 'ACQUITTE', 'ATTENTE_DEMANDEUR',
                               'ATTENTE_APPROBATION', 'APPROUVE', 'ERREUR_CONNUE', 'RESOLU', 'CLOS', 'ANNULE', 'REFUSE')),
    title                  TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    description            TEXT NOT NULL CHECK (length(description) <= 20000),
    channel                TEXT NOT NULL CHECK (channel IN ('TELEPHONE', 'MAIL', 'PORTAIL', 'SUPERVISION', 'GUICHET')),
    priority               TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    domain                 TEXT CHECK (domain IN ('POSTE', 'IMPRESSION', 'LOGICIEL', 'COMPTE', 'MESSAGERIE',
                               'TELEPHONIE', 'RESEAU', 'METIER', 'INFRA', 'SECURITE')),
    -- The person the ticket is for; none for an event raised by monitoring.
    requester_id           BIGINT REFERENCES users (id),
    -- Who typed it in (an N1 agent on the phone, the requester on the portal); none when the system did.
    registered_by          BIGINT REFERENCES users (id),
    site_id                BIGINT NOT NULL REFERENCES sites (id),
    pole                   TEXT NOT NULL REFERENCES poles (code) CHECK (pole <> 'QUALITE'),
    assignee_id            BIGINT REFERENCES users (id),
    solution               TEXT,
    workaround             TEXT,
    -- Optimistic concurrency: every write names the version it saw and bumps it.
    version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    reopen_count           INTEGER NOT NULL DEFAULT 0,
    escalation_count       INTEGER NOT NULL DEFAULT 0,
    supervisor_alerted_at  TIMESTAMPTZ,
    -- Set while the ticket waits for its requester: the SLA clock pauses, reminders count from here.
    waiting_since          TIMESTAMPTZ,
    reminders_sent         SMALLINT NOT NULL DEFAULT 0,
    first_contact          BOOLEAN NOT NULL DEFAULT FALSE,
    registered_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at            TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    -- The identifier of the activity in the system it came from (a monitoring alert, an imported row):
    -- registering the same source twice is refused, so imports and webhooks can be replayed safely.
    source_ref             TEXT UNIQUE,
    -- Only people's activities need a requester; monitoring raises events and the incidents they become.
    CHECK ((requester_id IS NOT NULL) OR kind IN ('EVENEMENT', 'PROBLEME', 'CHANGEMENT') OR channel = 'SUPERVISION'),
    CHECK ((status = 'ATTENTE_DEMANDEUR') = (waiting_since IS NOT NULL))
);
CREATE INDEX tickets_open_by_pole_idx ON tickets (pole, status, priority, registered_at)
    WHERE status NOT IN ('CLOS', 'ANNULE', 'REFUSE');
CREATE INDEX tickets_requester_idx ON tickets (requester_id, registered_at DESC);
CREATE INDEX tickets_assignee_idx ON tickets (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_waiting_idx ON tickets (waiting_since) WHERE waiting_since IS NOT NULL;
CREATE INDEX tickets_resolved_idx ON tickets (resolved_at) WHERE status = 'RESOLU';

-- Who did what, when, from which state to which: append-only, refused by the database otherwise.
CREATE TABLE ticket_history (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id    BIGINT NOT NULL REFERENCES tickets (id),
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id     BIGINT REFERENCES users (id),
    action       TEXT NOT NULL,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    detail       JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id, id);
CREATE TRIGGER ticket_history_append_only
    BEFORE UPDATE OR DELETE ON ticket_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER ticket_history_no_truncate
    BEFORE TRUNCATE ON ticket_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();

-- Comments the requester sees, and internal notes only agents see.
CREATE TABLE ticket_comments (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id),
    author_id   BIGINT REFERENCES users (id),
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    visibility  TEXT NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNE')),
    purpose     TEXT NOT NULL CHECK (purpose IN ('COMMENTAIRE', 'QUESTION', 'REPONSE', 'SOLUTION', 'RAPPEL', 'MOTIF')),
    body        TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 20000)
);
CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, id);

-- Time spent, per action, by whom and for which pole.
CREATE TABLE ticket_effort (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  BIGINT NOT NULL REFERENCES tickets (id),
    agent_id   BIGINT NOT NULL REFERENCES users (id),
    pole       TEXT NOT NULL REFERENCES poles (code),
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    action     TEXT,
    note       TEXT,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_effort_ticket_idx ON ticket_effort (ticket_id);
CREATE INDEX ticket_effort_agent_idx ON ticket_effort (agent_id, at);

-- CAUSE: incident → its problem (at most one); CORRECTIF: problem → change; ALERTE: event → incident;
-- DOUBLON: ticket → the ticket it duplicates; ENFANT: incident → its major (parent) incident.
CREATE TABLE ticket_links (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_id     BIGINT NOT NULL REFERENCES tickets (id),
    to_id       BIGINT NOT NULL REFERENCES tickets (id),
    kind        TEXT NOT NULL CHECK (kind IN ('CAUSE', 'CORRECTIF', 'ALERTE', 'DOUBLON', 'ENFANT')),
    created_by  BIGINT REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (from_id <> to_id),
    UNIQUE (from_id, to_id, kind)
);
CREATE UNIQUE INDEX ticket_links_one_cause_idx ON ticket_links (from_id) WHERE kind IN ('CAUSE', 'DOUBLON', 'ENFANT');
CREATE INDEX ticket_links_to_idx ON ticket_links (to_id, kind);

-- In-app notifications (mail delivery comes with the SLA engine).
CREATE TABLE notifications (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    ticket_id   BIGINT REFERENCES tickets (id),
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    message     TEXT NOT NULL,
    read_at     TIMESTAMPTZ
);
CREATE INDEX notifications_unread_idx ON notifications (user_id, at DESC) WHERE read_at IS NULL;

-- Delays of the lifecycle, editable by administrators; one row.
CREATE TABLE workflow_settings (
    id                         BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    reminder_delay_hours       INTEGER NOT NULL CHECK (reminder_delay_hours BETWEEN 1 AND 720),
    max_reminders              INTEGER NOT NULL CHECK (max_reminders BETWEEN 0 AND 10),
    confirmation_delay_hours   INTEGER NOT NULL CHECK (confirmation_delay_hours BETWEEN 1 AND 720)
);
-- A question unanswered for two days is recalled, twice; then the ticket is resolved. A resolution not
-- confirmed or rejected within five days is closed.
INSERT INTO workflow_settings (reminder_delay_hours, max_reminders, confirmation_delay_hours) VALUES (48, 2, 120);
