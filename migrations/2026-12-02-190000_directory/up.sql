-- The company directory (domain::directory): where an account comes from, what the sync may touch, the
-- connection settings, each sync run, one-time password links, and sessions a person can name and end.

ALTER TABLE users
    ADD COLUMN source TEXT NOT NULL DEFAULT 'LOCAL' CHECK (source IN ('LOCAL', 'ANNUAIRE')),
    -- The directory entry an account mirrors; unique whatever its case (directories compare DNs so).
    ADD COLUMN directory_dn TEXT,
    -- The account name typed at sign-in besides the address (sAMAccountName, uid).
    ADD COLUMN account_name TEXT,
    ADD COLUMN title TEXT,
    -- Switched off by an administrator: the sync never switches it back on.
    ADD COLUMN deactivated_by_admin BOOLEAN NOT NULL DEFAULT FALSE,
    -- Roles and pole set by an administrator: the sync leaves them alone.
    ADD COLUMN roles_pinned BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT users_directory_has_dn CHECK (source = 'LOCAL' OR directory_dn IS NOT NULL);
CREATE UNIQUE INDEX users_directory_dn_key ON users (lower(directory_dn)) WHERE directory_dn IS NOT NULL;
CREATE INDEX users_account_name_idx ON users (lower(account_name)) WHERE account_name IS NOT NULL;

-- One directory per installation. The bind password is stored (the hourly sync binds with it) and never
-- answered back by the API.
CREATE TABLE directory_settings (
    id                SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    url               TEXT NOT NULL CHECK (url ~ '^ldaps?://'),
    starttls          BOOLEAN NOT NULL DEFAULT FALSE,
    ca_file           TEXT,
    bind_dn           TEXT NOT NULL,
    bind_password     TEXT NOT NULL,
    base_dn           TEXT NOT NULL,
    group_base_dn     TEXT,
    profile           TEXT NOT NULL CHECK (profile IN ('ACTIVE_DIRECTORY', 'OPENLDAP')),
    group_roles       JSONB NOT NULL DEFAULT '{}'::jsonb,
    group_typologies  JSONB NOT NULL DEFAULT '{}'::jsonb,
    attributes        JSONB NOT NULL DEFAULT '{}'::jsonb,
    sync_enabled      BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at        TIMESTAMPTZ NOT NULL,
    updated_by        BIGINT REFERENCES users (id)
);

-- Every sync run. An hourly run claims its hour (`slot`): with several instances, one runs it.
CREATE TABLE directory_sync_runs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger      TEXT NOT NULL CHECK (trigger IN ('HORAIRE', 'MANUEL')),
    slot         TIMESTAMPTZ UNIQUE,
    actor_id     BIGINT REFERENCES users (id),
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    created      INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    deactivated  INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    problems     JSONB NOT NULL DEFAULT '[]'::jsonb,
    failure      TEXT
);

-- One-time links to choose a password (a new account, a forgotten password). Only the SHA-256 of the
-- secret is stored; a link is used once and expires.
CREATE TABLE password_links (
    token_hash  BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('CREATION', 'OUBLI')),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX password_links_user_idx ON password_links (user_id);

-- A session a person can see (browser, address, last use) and end by its number.
ALTER TABLE sessions
    ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    ADD COLUMN address TEXT;
