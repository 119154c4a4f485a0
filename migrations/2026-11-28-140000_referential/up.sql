-- The support referential: requester typologies and their handling, the taxonomy (domain → category →
-- sub-category), the technical environment with its criticality, the priority matrix, the request catalog
-- with its forms, and what a ticket gains from them: its qualification, the catalog answers, the manager's
-- approval and the requester's rating. Codes mirror app/src/domain/{people,ticket,qualification,catalog}.rs.
-- The rows of reference data are in the next migration (…_referential_seed).

-- Requester typologies, each with its handling rule; users.typology now refers to them.
CREATE TABLE typologies (
    code                      TEXT PRIMARY KEY
                              CHECK (code IN ('DIRECTION', 'SIEGE', 'AGENCE', 'CHANTIER', 'NOUVEL_ARRIVANT', 'EXTERNE')),
    handling                  TEXT NOT NULL CHECK (length(trim(handling)) > 0),
    -- An incident of this typology goes up one priority level (direction / VIP).
    raises_incident_priority  BOOLEAN NOT NULL DEFAULT FALSE,
    -- Reached by phone rather than by mail (construction-site staff on tablets and 4G).
    call_back_by_phone        BOOLEAN NOT NULL DEFAULT FALSE,
    position                  SMALLINT NOT NULL UNIQUE
);
INSERT INTO typologies (code, handling, raises_incident_priority, call_back_by_phone, position) VALUES
  ('DIRECTION', 'Direction et VIP : un incident monte d''un niveau de priorité ; rappel par un agent nommé.', TRUE, TRUE, 1),
  ('SIEGE', 'Siège à Bordeaux : traitement standard, intervention sur place possible dans la journée.', FALSE, FALSE, 2),
  ('AGENCE', 'Agences : ouvertes le samedi, prise en main à distance d''abord, déplacement planifié ensuite.', FALSE, FALSE, 3),
  ('CHANTIER', 'Chantiers : personnel sur tablette et téléphone en 4G, toujours rappelé par téléphone.', FALSE, TRUE, 4),
  ('NOUVEL_ARRIVANT', 'Nouvel arrivant : ses demandes sont regroupées dans une seule demande d''arrivée, accompagnement la première semaine.', FALSE, FALSE, 5),
  ('EXTERNE', 'Prestataires et intérimaires : accès limités, toute demande d''accès est approuvée par le responsable Immo9.', FALSE, FALSE, 6);
ALTER TABLE users ADD CONSTRAINT users_typology_fkey FOREIGN KEY (typology) REFERENCES typologies (code);

-- Who approves this person's requests (their manager), when a catalog entry asks for an approval.
ALTER TABLE users ADD COLUMN manager_id BIGINT REFERENCES users (id) CHECK (manager_id <> id);
CREATE INDEX users_manager_idx ON users (manager_id) WHERE manager_id IS NOT NULL;

-- A site delegate follows the tickets of their whole site (a relay in an agency or on a construction site).
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
    CHECK (role IN ('DEMANDEUR', 'DELEGUE', 'AGENT', 'SUPERVISEUR', 'QUALITE', 'CAB', 'ADMIN'));

-- The taxonomy: the ten domains of PRODUCT.md (fixed codes) → categories → sub-categories (parent_id set).
CREATE TABLE categories (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain         TEXT NOT NULL CHECK (domain IN ('POSTE', 'IMPRESSION', 'LOGICIEL', 'COMPTE', 'MESSAGERIE',
                       'TELEPHONIE', 'RESEAU', 'METIER', 'INFRA', 'SECURITE')),
    parent_id      BIGINT REFERENCES categories (id),
    code           TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,48}$'),
    label          TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 120),
    default_pole   TEXT NOT NULL REFERENCES poles (code) CHECK (default_pole <> 'QUALITE'),
    -- The activity types a ticket of this category may have.
    allowed_kinds  TEXT[] NOT NULL CHECK (cardinality(allowed_kinds) > 0 AND allowed_kinds <@
                       ARRAY['EVENEMENT', 'INCIDENT', 'PROBLEME', 'DEMANDE', 'CHANGEMENT']),
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    position       SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX categories_domain_idx ON categories (domain, parent_id, position);

-- A sub-category sits under a category of the same domain, one level deep.
CREATE FUNCTION check_category_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent categories%ROWTYPE;
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO parent FROM categories WHERE id = NEW.parent_id;
    IF parent.parent_id IS NOT NULL OR parent.domain <> NEW.domain THEN
        RAISE EXCEPTION 'une sous-catégorie doit être rattachée à une catégorie du même domaine'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER categories_parent_check
    BEFORE INSERT OR UPDATE ON categories
    FOR EACH ROW EXECUTE FUNCTION check_category_parent();

-- The technical environment: business applications, services and asset classes, each with a criticality.
CREATE TABLE environment_items (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('APPLICATION', 'SERVICE', 'MATERIEL')),
    code         TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,48}$'),
    label        TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 120),
    description  TEXT NOT NULL DEFAULT '',
    domain       TEXT NOT NULL CHECK (domain IN ('POSTE', 'IMPRESSION', 'LOGICIEL', 'COMPTE', 'MESSAGERIE',
                     'TELEPHONIE', 'RESEAU', 'METIER', 'INFRA', 'SECURITE')),
    criticality  TEXT NOT NULL CHECK (criticality IN ('VITALE', 'IMPORTANTE', 'STANDARD')),
    active       BOOLEAN NOT NULL DEFAULT TRUE
);

-- Impact × urgency → priority, editable by administrators. Every cell must exist (16 rows).
CREATE TABLE priority_matrix (
    impact    TEXT NOT NULL CHECK (impact IN ('UTILISATEUR', 'EQUIPE', 'SITE', 'ENTREPRISE')),
    urgency   TEXT NOT NULL CHECK (urgency IN ('BASSE', 'NORMALE', 'HAUTE', 'CRITIQUE')),
    priority  TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    PRIMARY KEY (impact, urgency)
);
INSERT INTO priority_matrix (impact, urgency, priority) VALUES
  ('UTILISATEUR', 'BASSE', 'P4'), ('UTILISATEUR', 'NORMALE', 'P4'), ('UTILISATEUR', 'HAUTE', 'P3'), ('UTILISATEUR', 'CRITIQUE', 'P2'),
  ('EQUIPE', 'BASSE', 'P4'),      ('EQUIPE', 'NORMALE', 'P3'),      ('EQUIPE', 'HAUTE', 'P2'),      ('EQUIPE', 'CRITIQUE', 'P2'),
  ('SITE', 'BASSE', 'P3'),        ('SITE', 'NORMALE', 'P2'),        ('SITE', 'HAUTE', 'P2'),        ('SITE', 'CRITIQUE', 'P1'),
  ('ENTREPRISE', 'BASSE', 'P3'),  ('ENTREPRISE', 'NORMALE', 'P2'),  ('ENTREPRISE', 'HAUTE', 'P1'),  ('ENTREPRISE', 'CRITIQUE', 'P1');

-- The other qualification rules, one row.
CREATE TABLE qualification_settings (
    id                     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    -- An incident on a vital application or service goes up one level.
    vital_raises_priority  BOOLEAN NOT NULL,
    -- A business deadline (deed signing, hand-over of keys) within this many days raises the urgency one level.
    deadline_window_days   INTEGER NOT NULL CHECK (deadline_window_days BETWEEN 0 AND 30)
);
INSERT INTO qualification_settings (vital_raises_priority, deadline_window_days) VALUES (TRUE, 2);

-- The request catalog: what employees pick on the portal, each with its own form and its defaults.
CREATE TABLE catalog_entries (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,48}$'),
    title              TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
    summary            TEXT NOT NULL CHECK (length(summary) <= 500),
    domain             TEXT NOT NULL CHECK (domain IN ('POSTE', 'IMPRESSION', 'LOGICIEL', 'COMPTE', 'MESSAGERIE',
                           'TELEPHONIE', 'RESEAU', 'METIER', 'INFRA', 'SECURITE')),
    category_id        BIGINT REFERENCES categories (id),
    kind               TEXT NOT NULL CHECK (kind IN ('DEMANDE', 'INCIDENT')),
    impact             TEXT NOT NULL CHECK (impact IN ('UTILISATEUR', 'EQUIPE', 'SITE', 'ENTREPRISE')),
    urgency            TEXT NOT NULL CHECK (urgency IN ('BASSE', 'NORMALE', 'HAUTE', 'CRITIQUE')),
    pole               TEXT NOT NULL REFERENCES poles (code) CHECK (pole <> 'QUALITE'),
    requires_approval  BOOLEAN NOT NULL DEFAULT FALSE,
    -- Other words people search with ("vpn", "télétravail", "mot de passe oublié").
    keywords           TEXT NOT NULL DEFAULT '',
    -- The form: [{"key", "label", "kind", "required", "help", "choices"}], validated by the application.
    fields             JSONB NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(fields) = 'array'),
    active             BOOLEAN NOT NULL DEFAULT TRUE,
    position           SMALLINT NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- How a ticket was qualified: the inputs, the computed priority and its explanation, and an override's reason.
CREATE TABLE ticket_qualification (
    ticket_id          BIGINT PRIMARY KEY REFERENCES tickets (id),
    category_id        BIGINT REFERENCES categories (id),
    environment_id     BIGINT REFERENCES environment_items (id),
    impact             TEXT NOT NULL CHECK (impact IN ('UTILISATEUR', 'EQUIPE', 'SITE', 'ENTREPRISE')),
    urgency            TEXT NOT NULL CHECK (urgency IN ('BASSE', 'NORMALE', 'HAUTE', 'CRITIQUE')),
    criticality        TEXT CHECK (criticality IN ('VITALE', 'IMPORTANTE', 'STANDARD')),
    severity           TEXT CHECK (severity IN ('MINEURE', 'MAJEURE', 'BLOQUANTE')),
    business_deadline  DATE,
    computed_priority  TEXT NOT NULL CHECK (computed_priority IN ('P1', 'P2', 'P3', 'P4')),
    explanation        TEXT NOT NULL,
    -- Set when the agent chose another priority than the computed one; tickets.priority holds the choice.
    override_reason    TEXT CHECK (override_reason IS NULL OR length(trim(override_reason)) > 0),
    qualified_by       BIGINT REFERENCES users (id),
    qualified_at       TIMESTAMPTZ NOT NULL
);

-- The catalog entry a request was made from, and the answers to its form.
CREATE TABLE ticket_requests (
    ticket_id         BIGINT PRIMARY KEY REFERENCES tickets (id),
    catalog_entry_id  BIGINT NOT NULL REFERENCES catalog_entries (id),
    answers           JSONB NOT NULL CHECK (jsonb_typeof(answers) = 'array')
);
CREATE INDEX ticket_requests_entry_idx ON ticket_requests (catalog_entry_id);

-- A manager's approval before work starts on a request that needs one.
CREATE TABLE ticket_approvals (
    ticket_id     BIGINT PRIMARY KEY REFERENCES tickets (id),
    approver_id   BIGINT NOT NULL REFERENCES users (id),
    requested_at  TIMESTAMPTZ NOT NULL,
    decision      TEXT CHECK (decision IN ('APPROUVEE', 'REFUSEE')),
    reason        TEXT,
    decided_at    TIMESTAMPTZ,
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK (decision IS DISTINCT FROM 'REFUSEE' OR length(trim(reason)) > 0)
);
CREATE INDEX ticket_approvals_pending_idx ON ticket_approvals (approver_id) WHERE decision IS NULL;

-- The requester's rating of the service, once the ticket is resolved.
CREATE TABLE ticket_ratings (
    ticket_id  BIGINT PRIMARY KEY REFERENCES tickets (id),
    rating     SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    TEXT CHECK (length(comment) <= 2000),
    rated_at   TIMESTAMPTZ NOT NULL
);
