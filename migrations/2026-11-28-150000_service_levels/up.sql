-- Service levels: business calendars (opening hours per kind of site, exceptional closures; French public
-- holidays are computed by app/src/domain/calendar.rs), SLA policies per type × priority with their
-- escalation thresholds, overrides per catalog entry, and the internal targets of each pole (OLA).
-- Targets are business minutes in the calendar of the requester's site. Codes mirror
-- app/src/domain/{calendar,sla,ticket}.rs.

CREATE TABLE business_calendars (
    code                       TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,32}$'),
    name                       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    -- Seven strings, Monday first, each a comma-separated list of "HH:MM-HH:MM" openings ("" when closed);
    -- checked by domain::calendar::BusinessCalendar::new before it is written.
    week                       JSONB NOT NULL CHECK (jsonb_typeof(week) = 'array' AND jsonb_array_length(week) = 7),
    closed_on_public_holidays  BOOLEAN NOT NULL DEFAULT TRUE,
    closures                   DATE[] NOT NULL DEFAULT '{}',
    -- The calendar of the sites of this kind, unless a site names its own.
    default_for_kind           TEXT UNIQUE CHECK (default_for_kind IN ('SIEGE', 'AGENCE', 'CHANTIER'))
);

INSERT INTO business_calendars (code, name, week, default_for_kind) VALUES
  ('SIEGE', 'Siège (Bordeaux) : du lundi au vendredi',
   '["08:30-12:30,13:30-18:00", "08:30-12:30,13:30-18:00", "08:30-12:30,13:30-18:00", "08:30-12:30,13:30-18:00", "08:30-12:30,13:30-18:00", "", ""]',
   'SIEGE'),
  ('AGENCE', 'Agences commerciales : du lundi au samedi',
   '["09:00-12:30,14:00-18:30", "09:00-12:30,14:00-18:30", "09:00-12:30,14:00-18:30", "09:00-12:30,14:00-18:30", "09:00-12:30,14:00-18:30", "09:00-12:30,14:00-17:00", ""]',
   'AGENCE'),
  ('CHANTIER', 'Chantiers : du lundi au vendredi, horaires de chantier',
   '["07:30-12:00,13:00-16:30", "07:30-12:00,13:00-16:30", "07:30-12:00,13:00-16:30", "07:30-12:00,13:00-16:30", "07:30-12:00,13:00-16:30", "", ""]',
   'CHANTIER');

-- A site may follow another calendar than the one of its kind (a sales office open on Sunday, say).
ALTER TABLE sites ADD COLUMN calendar_code TEXT REFERENCES business_calendars (code);

-- The escalation actions of domain::sla::EscalationAction.
CREATE FUNCTION sla_thresholds_are_valid(thresholds JSONB) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_typeof(thresholds) = 'array'
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(thresholds) AS step
           WHERE jsonb_typeof(step -> 'percent') <> 'number'
              OR (step ->> 'percent')::INT NOT BETWEEN 1 AND 500
              OR step ->> 'action' NOT IN ('NOTIFIER_ASSIGNE', 'NOTIFIER_SUPERVISEUR', 'RELEVER_PRIORITE', 'REAFFECTER')
              OR step ->> 'action' IS NULL)
$$;

CREATE TABLE sla_policies (
    kind             TEXT NOT NULL CHECK (kind IN ('EVENEMENT', 'INCIDENT', 'PROBLEME', 'DEMANDE', 'CHANGEMENT')),
    priority         TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    own_minutes      INTEGER NOT NULL CHECK (own_minutes > 0),
    resolve_minutes  INTEGER NOT NULL CHECK (resolve_minutes >= own_minutes),
    -- [{"percent": 50, "action": "NOTIFIER_ASSIGNE"}, …], ordered by percent.
    thresholds       JSONB NOT NULL DEFAULT '[]' CHECK (sla_thresholds_are_valid(thresholds)),
    PRIMARY KEY (kind, priority)
);

-- A business day is 8 h 30 at the head office (510 min), 8 h in an agency: "one day" below means 480 minutes
-- of business time, "one week" 2,400.
-- Incidents: a stopped agency loses sales; P1 (a vital application, a whole site) is owned within 15 min and
-- solved within half a day; P4 (one person, a workaround exists) within a week.
-- Requests are planned work: owned within the hour to the day, delivered within one to five days.
-- Events are triaged quickly (turned into an incident or closed). Problems and changes run over weeks.
INSERT INTO sla_policies (kind, priority, own_minutes, resolve_minutes, thresholds)
SELECT kind, priority, own_minutes, resolve_minutes,
       CASE WHEN priority = 'P1'
            THEN '[{"percent": 50, "action": "NOTIFIER_ASSIGNE"}, {"percent": 75, "action": "NOTIFIER_SUPERVISEUR"}, {"percent": 100, "action": "REAFFECTER"}]'::JSONB
            ELSE '[{"percent": 50, "action": "NOTIFIER_ASSIGNE"}, {"percent": 75, "action": "NOTIFIER_SUPERVISEUR"}, {"percent": 100, "action": "RELEVER_PRIORITE"}]'::JSONB
       END
FROM (VALUES
  ('INCIDENT',   'P1',   15,   240),
  ('INCIDENT',   'P2',   30,   480),
  ('INCIDENT',   'P3',  120,  1440),
  ('INCIDENT',   'P4',  240,  2400),
  ('DEMANDE',    'P1',   60,   480),
  ('DEMANDE',    'P2',  120,   960),
  ('DEMANDE',    'P3',  240,  1440),
  ('DEMANDE',    'P4',  480,  2400),
  ('EVENEMENT',  'P1',   15,    60),
  ('EVENEMENT',  'P2',   30,   120),
  ('EVENEMENT',  'P3',   60,   480),
  ('EVENEMENT',  'P4',  240,   960),
  ('PROBLEME',   'P1',  240,  2400),
  ('PROBLEME',   'P2',  480,  4800),
  ('PROBLEME',   'P3',  960,  9600),
  ('PROBLEME',   'P4', 2400, 19200),
  ('CHANGEMENT', 'P1',   60,   480),
  ('CHANGEMENT', 'P2',  480,  2400),
  ('CHANGEMENT', 'P3',  960,  4800),
  ('CHANGEMENT', 'P4', 2400,  9600)
) AS seeded (kind, priority, own_minutes, resolve_minutes);

-- A catalog entry may promise its own delays (a password in an hour, a new hire's account in a week).
ALTER TABLE catalog_entries
    ADD COLUMN sla_own_minutes INTEGER CHECK (sla_own_minutes > 0),
    ADD COLUMN sla_resolve_minutes INTEGER CHECK (sla_resolve_minutes > 0),
    ADD CONSTRAINT catalog_entries_sla_order CHECK (sla_own_minutes IS NULL OR sla_resolve_minutes IS NULL
                                                    OR sla_own_minutes <= sla_resolve_minutes);
UPDATE catalog_entries SET sla_own_minutes = 15, sla_resolve_minutes = 60 WHERE code = 'COMPTE_MOT_DE_PASSE';
UPDATE catalog_entries SET sla_resolve_minutes = 2400 WHERE code IN ('COMPTE_NOUVEL_ARRIVANT', 'COMPTE_DEPART');
UPDATE catalog_entries SET sla_resolve_minutes = 480 WHERE code = 'INFRA_RESTAURER_FICHIER';

-- Internal targets of each pole for a ticket handed to it (OLA): own it, then finish its part.
CREATE TABLE ola_targets (
    pole             TEXT PRIMARY KEY REFERENCES poles (code) CHECK (pole <> 'QUALITE'),
    own_minutes      INTEGER NOT NULL CHECK (own_minutes > 0),
    resolve_minutes  INTEGER NOT NULL CHECK (resolve_minutes >= own_minutes)
);
-- N1 solves at first contact or hands over within the hour; N2 within a day; N3 within two; the Atelier
-- needs the device, so three days.
INSERT INTO ola_targets (pole, own_minutes, resolve_minutes) VALUES
  ('FRONT', 15, 60),
  ('BACK', 60, 480),
  ('EXPERT', 120, 960),
  ('ATELIER', 240, 1440);
