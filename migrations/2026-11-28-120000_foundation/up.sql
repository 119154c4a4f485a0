-- Foundation: sites, poles, accounts with roles, sessions, and an append-only audit trail of admin changes.
-- Enumerations are TEXT with CHECK constraints mirroring the Rust `code_enum!`s (app/src/domain): adding a
-- value is a plain ALTER in a transaction, which PostgreSQL enum types do not allow everywhere.

CREATE TABLE sites (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('SIEGE', 'AGENCE', 'CHANTIER')),
    city        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The poles are fixed by the domain (PRODUCT.md); their names and missions are reference data.
CREATE TABLE poles (
    code     TEXT PRIMARY KEY CHECK (code IN ('FRONT', 'BACK', 'EXPERT', 'ATELIER', 'QUALITE')),
    name     TEXT NOT NULL,
    mission  TEXT NOT NULL,
    position SMALLINT NOT NULL UNIQUE
);

INSERT INTO poles (code, name, mission, position) VALUES
  ('FRONT', 'Front Office (N1)',
   'Centre d''appels : enregistre toutes les demandes, quelle que soit leur source ; résout au niveau 1 ; escalade vers le N2 et assure le suivi.', 1),
  ('BACK', 'Back Office (N2)',
   'Résolution de niveau 2 ; escalade vers le N3 ; gestion des problèmes systèmes et infrastructure ; cohérence de la base de connaissances et des procédures.', 2),
  ('EXPERT', 'Expert / Métier (N3)',
   'Résolution de niveau 3 ; développement et DevOps ; gestion des changements des applications métier ; problèmes de maintenance applicative.', 3),
  ('ATELIER', 'Atelier',
   'Diagnostic et réparation des postes et du matériel ; préparation des postes neufs et de remplacement.', 4),
  ('QUALITE', 'Qualité',
   'Statistiques sur les activités, les traitements et les niveaux de service ; amélioration continue.', 5);

CREATE TABLE users (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login          TEXT NOT NULL CHECK (login ~ '^[^@\s]+@[^@\s]+$'),
    display_name   TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    phone          TEXT,
    password_hash  TEXT NOT NULL,
    site_id        BIGINT NOT NULL REFERENCES sites (id),
    typology       TEXT NOT NULL
                   CHECK (typology IN ('DIRECTION', 'SIEGE', 'AGENCE', 'CHANTIER', 'NOUVEL_ARRIVANT', 'EXTERNE')),
    pole           TEXT REFERENCES poles (code),
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Logins are e-mail addresses: unique whatever their case.
CREATE UNIQUE INDEX users_login_lower_key ON users (lower(login));
CREATE INDEX users_site_id_idx ON users (site_id);
CREATE INDEX users_pole_idx ON users (pole) WHERE pole IS NOT NULL;

CREATE TABLE user_roles (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('DEMANDEUR', 'AGENT', 'SUPERVISEUR', 'QUALITE', 'CAB', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- The browser holds a random token; the database only its SHA-256, so a leaked dump opens no session.
CREATE TABLE sessions (
    token_hash    BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    user_agent    TEXT
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- Who changed what in the referential and the accounts. Append-only: the database itself refuses edits.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id    BIGINT REFERENCES users (id),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    detail      JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);

CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'la table % est en ajout seul : % refusé', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
