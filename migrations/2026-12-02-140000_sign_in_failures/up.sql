-- Wrong passwords, counted per login and per address to slow down guessing (domain::throttle). A row
-- lives one throttling window; a success forgets the login's rows. The login is stored lower-cased as typed,
-- known account or not, so the counter tells nothing about which accounts exist.
CREATE TABLE sign_in_failures (
    id BIGSERIAL PRIMARY KEY,
    login TEXT NOT NULL,
    address TEXT,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failures_login ON sign_in_failures (login, at);
CREATE INDEX sign_in_failures_address ON sign_in_failures (address, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
