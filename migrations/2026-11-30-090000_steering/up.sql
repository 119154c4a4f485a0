-- Issue 9: communication campaigns (portal banners, major-incident messages), satisfaction surveys and their
-- follow-ups, the improvement actions Qualité records, and the monthly service reports sent to managers.

-- A banner shown in the portal to the people of chosen sites and typologies (empty: everyone) between two
-- instants, or the messages of a major incident (its start and its end) to the requesters linked to it.
CREATE TABLE campaigns (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('BANNIERE', 'INCIDENT_MAJEUR')),
    title         TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 120),
    message       TEXT NOT NULL CHECK (length(btrim(message)) BETWEEN 1 AND 1000),
    severity      TEXT NOT NULL CHECK (severity IN ('INFO', 'ALERTE')),
    site_ids      BIGINT[] NOT NULL DEFAULT '{}',
    typologies    TEXT[] NOT NULL DEFAULT '{}',
    starts_at     TIMESTAMPTZ NOT NULL,
    -- A major incident's campaign ends when the incident is resolved.
    ends_at       TIMESTAMPTZ CHECK (ends_at IS NULL OR ends_at >= starts_at),
    ticket_id     BIGINT UNIQUE REFERENCES tickets (id),
    created_by    BIGINT REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL,
    withdrawn_at  TIMESTAMPTZ,
    withdrawn_by  BIGINT REFERENCES users (id),
    CHECK (kind = 'INCIDENT_MAJEUR' OR ends_at IS NOT NULL),
    CHECK ((kind = 'INCIDENT_MAJEUR') = (ticket_id IS NOT NULL))
);
CREATE INDEX campaigns_live_idx ON campaigns (starts_at, ends_at) WHERE withdrawn_at IS NULL;

-- Who was told what of a campaign: each requester once per phase.
CREATE TABLE campaign_messages (
    campaign_id   BIGINT NOT NULL REFERENCES campaigns (id),
    recipient_id  BIGINT NOT NULL REFERENCES users (id),
    phase         TEXT NOT NULL CHECK (phase IN ('DEBUT', 'FIN')),
    sent_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (campaign_id, phase, recipient_id)
);

-- How satisfaction surveys are sampled: one row.
CREATE TABLE survey_settings (
    singleton     BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    -- The share of closed tickets whose requester is asked, in percent.
    rate_percent  SMALLINT NOT NULL CHECK (rate_percent BETWEEN 0 AND 100),
    -- A requester is asked at most once in this many days.
    period_days   SMALLINT NOT NULL CHECK (period_days BETWEEN 1 AND 365),
    -- A rating at or below this opens a follow-up for Qualité.
    low_rating    SMALLINT NOT NULL CHECK (low_rating BETWEEN 1 AND 4),
    updated_at    TIMESTAMPTZ NOT NULL,
    updated_by    BIGINT REFERENCES users (id)
);
INSERT INTO survey_settings (rate_percent, period_days, low_rating, updated_at) VALUES (30, 30, 2, now());

-- A requester asked for their opinion of a closed ticket; answered once, through ticket_ratings.
CREATE TABLE survey_invitations (
    ticket_id     BIGINT PRIMARY KEY REFERENCES tickets (id),
    requester_id  BIGINT NOT NULL REFERENCES users (id),
    invited_at    TIMESTAMPTZ NOT NULL,
    answered_at   TIMESTAMPTZ
);
CREATE INDEX survey_invitations_requester_idx ON survey_invitations (requester_id, invited_at DESC);

-- A low rating Qualité follows up: call the requester back, note what was done.
CREATE TABLE satisfaction_followups (
    ticket_id     BIGINT PRIMARY KEY REFERENCES tickets (id),
    opened_at     TIMESTAMPTZ NOT NULL,
    status        TEXT NOT NULL DEFAULT 'A_TRAITER' CHECK (status IN ('A_TRAITER', 'TRAITE')),
    note          TEXT CHECK (length(note) <= 2000),
    handled_by    BIGINT REFERENCES users (id),
    handled_at    TIMESTAMPTZ,
    CHECK ((status = 'TRAITE') = (handled_at IS NOT NULL AND note IS NOT NULL))
);
CREATE INDEX satisfaction_followups_open_idx ON satisfaction_followups (opened_at) WHERE status = 'A_TRAITER';

-- What Qualité decides to improve, reported in the month it was recorded and followed until done.
CREATE TABLE improvement_actions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
    description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    owner_id      BIGINT NOT NULL REFERENCES users (id),
    due_on        DATE,
    status        TEXT NOT NULL DEFAULT 'PREVUE' CHECK (status IN ('PREVUE', 'EN_COURS', 'FAITE', 'ABANDONNEE')),
    created_by    BIGINT NOT NULL REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Each monthly report sent to the managers, once per month.
CREATE TABLE monthly_reports (
    month         DATE PRIMARY KEY CHECK (extract(day FROM month) = 1),
    sent_at       TIMESTAMPTZ NOT NULL,
    sent_by       BIGINT REFERENCES users (id),
    recipients    INTEGER NOT NULL
);
