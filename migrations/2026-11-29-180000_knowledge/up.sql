-- Knowledge base (articles, their catalog entries, deflections, links to tickets), the triage model learned
-- from qualified tickets, and activity-list imports.

-- French full-text search that ignores accents: "télétravail", "teletravail" and "Télétravail" meet.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION immo9_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION immo9_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE knowledge_articles (
    id             BIGSERIAL PRIMARY KEY,
    title          TEXT NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
    summary        TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 400),
    body_markdown  TEXT NOT NULL CHECK (length(btrim(body_markdown)) BETWEEN 1 AND 50000),
    -- Rendered and sanitised when saved (app/src/knowledge/render.rs): pages show it as it is.
    body_html      TEXT NOT NULL,
    audience       TEXT NOT NULL CHECK (audience IN ('PUBLIC', 'INTERNE')),
    domain         TEXT CHECK (domain IN ('POSTE', 'IMPRESSION', 'LOGICIEL', 'COMPTE', 'MESSAGERIE',
                                          'TELEPHONIE', 'RESEAU', 'METIER', 'INFRA', 'SECURITE')),
    category_id    BIGINT REFERENCES categories (id),
    owner_id       BIGINT NOT NULL REFERENCES users (id),
    review_on      DATE NOT NULL,
    archived       BOOLEAN NOT NULL DEFAULT false,
    -- The ticket whose resolution the article was written from, if any.
    source_ticket_id BIGINT REFERENCES tickets (id),
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    search         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('immo9_fr', title), 'A')
        || setweight(to_tsvector('immo9_fr', summary), 'B')
        || setweight(to_tsvector('immo9_fr', body_markdown), 'C')
    ) STORED
);
CREATE INDEX knowledge_articles_search_idx ON knowledge_articles USING GIN (search);
CREATE INDEX knowledge_articles_review_idx ON knowledge_articles (review_on) WHERE NOT archived;

CREATE TABLE knowledge_article_entries (
    article_id        BIGINT NOT NULL REFERENCES knowledge_articles (id) ON DELETE CASCADE,
    catalog_entry_id  BIGINT NOT NULL REFERENCES catalog_entries (id),
    PRIMARY KEY (article_id, catalog_entry_id)
);
CREATE INDEX knowledge_article_entries_entry_idx ON knowledge_article_entries (catalog_entry_id);

-- "Cela a résolu mon problème": a request that ended without a ticket.
CREATE TABLE knowledge_deflections (
    id                BIGSERIAL PRIMARY KEY,
    article_id        BIGINT NOT NULL REFERENCES knowledge_articles (id),
    user_id           BIGINT NOT NULL REFERENCES users (id),
    catalog_entry_id  BIGINT REFERENCES catalog_entries (id),
    description       TEXT NOT NULL CHECK (length(description) <= 4000),
    at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX knowledge_deflections_at_idx ON knowledge_deflections (at);

CREATE TABLE ticket_articles (
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id),
    article_id  BIGINT NOT NULL REFERENCES knowledge_articles (id),
    linked_by   BIGINT NOT NULL REFERENCES users (id),
    linked_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, article_id)
);
CREATE INDEX ticket_articles_article_idx ON ticket_articles (article_id);

-- The triage model: what each qualified ticket taught (so a new qualification replaces its lesson) and
-- the counts a naive Bayes classifier reads (app/src/domain/triage.rs).
CREATE TABLE triage_examples (
    ticket_id   BIGINT PRIMARY KEY REFERENCES tickets (id),
    kind        TEXT NOT NULL,
    domain      TEXT NOT NULL,
    pole        TEXT NOT NULL,
    terms       TEXT[] NOT NULL,
    learned_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE triage_terms (
    dimension    TEXT NOT NULL CHECK (dimension IN ('TYPE', 'DOMAINE', 'POLE')),
    label        TEXT NOT NULL,
    term         TEXT NOT NULL,
    occurrences  INTEGER NOT NULL CHECK (occurrences >= 0),
    PRIMARY KEY (dimension, label, term)
);
CREATE INDEX triage_terms_term_idx ON triage_terms (term);

CREATE TABLE triage_labels (
    dimension    TEXT NOT NULL CHECK (dimension IN ('TYPE', 'DOMAINE', 'POLE')),
    label        TEXT NOT NULL,
    documents    INTEGER NOT NULL CHECK (documents >= 0),
    terms        INTEGER NOT NULL CHECK (terms >= 0),
    PRIMARY KEY (dimension, label)
);

-- An uploaded activity list: checked first (dry run), imported on request, batch by batch.
CREATE TABLE import_runs (
    id            BIGSERIAL PRIMARY KEY,
    file_name     TEXT NOT NULL CHECK (length(file_name) <= 255),
    file_sha256   TEXT NOT NULL,
    -- Kept until the import ends, so what is imported is exactly what was checked.
    content       BYTEA,
    -- The columns the person mapped by hand (our column → the file's header).
    mapping       JSONB NOT NULL,
    -- The dry run's report (app/src/imports/mod.rs ImportCheck), as last checked.
    report        JSONB NOT NULL,
    rows_total    INTEGER NOT NULL,
    rows_valid    INTEGER NOT NULL,
    rows_done     INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL CHECK (status IN ('VERIFIE', 'EN_COURS', 'TERMINE', 'ECHEC')),
    error         TEXT,
    started_by    BIGINT NOT NULL REFERENCES users (id),
    checked_at    TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);
