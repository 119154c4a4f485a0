-- Attachments (domain::attachment): every file is stored once per content, named by its SHA-256, in
-- chunks, in PostgreSQL (no second system to back up); a ticket or an article refers to it by an
-- attachment row that carries the name it was sent under and who may see it.
CREATE TABLE attachment_blobs (
    sha256       TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size         BIGINT NOT NULL CHECK (size >= 0),
    -- The type read from the bytes (a MIME type of domain::attachment::FileType), never the sender's word.
    content_type TEXT NOT NULL,
    chunk_count  INTEGER NOT NULL CHECK (chunk_count >= 0),
    stored_at    TIMESTAMPTZ NOT NULL,
    -- Preview and thumbnail: none to make (not an image), to make (by the renditions job), made, or failed
    -- (a picture the decoder refuses is still served as the file it is).
    renditions   TEXT NOT NULL CHECK (renditions IN ('AUCUN', 'A_FAIRE', 'FAIT', 'ECHEC'))
);
CREATE INDEX attachment_blobs_pending_idx ON attachment_blobs (stored_at) WHERE renditions = 'A_FAIRE';

CREATE TABLE attachment_chunks (
    sha256 TEXT NOT NULL REFERENCES attachment_blobs (sha256) ON DELETE CASCADE,
    seq    INTEGER NOT NULL CHECK (seq >= 0),
    data   BYTEA NOT NULL,
    PRIMARY KEY (sha256, seq)
);
-- Photos, PDFs and archives are compressed already: TOAST compression would cost time for nothing.
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE attachment_renditions (
    sha256       TEXT NOT NULL REFERENCES attachment_blobs (sha256) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('APERCU', 'VIGNETTE')),
    content_type TEXT NOT NULL,
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    data         BYTEA NOT NULL,
    PRIMARY KEY (sha256, kind)
);
ALTER TABLE attachment_renditions ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE attachments (
    id           BIGSERIAL PRIMARY KEY,
    ticket_id    BIGINT REFERENCES tickets (id) ON DELETE CASCADE,
    article_id   BIGINT REFERENCES knowledge_articles (id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL REFERENCES attachment_blobs (sha256),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL CHECK (size >= 0),
    -- Beside an internal note: the desk alone sees it.
    internal     BOOLEAN NOT NULL DEFAULT FALSE,
    uploaded_by  BIGINT REFERENCES users (id),
    uploaded_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT attachments_one_owner CHECK ((ticket_id IS NULL) <> (article_id IS NULL))
);
CREATE INDEX attachments_ticket_idx ON attachments (ticket_id, id) WHERE ticket_id IS NOT NULL;
CREATE INDEX attachments_article_idx ON attachments (article_id, id) WHERE article_id IS NOT NULL;
CREATE INDEX attachments_sha256_idx ON attachments (sha256);

-- Three requests where a picture says more than words: an optional FICHIER field in their forms.
UPDATE catalog_entries SET fields = fields || '[{"key": "photo", "label": "Photo du panneau ou du message d''erreur", "kind": "FICHIER", "required": false, "help": "Une photo prise avec votre téléphone suffit.", "choices": []}]'::jsonb
WHERE code = 'IMPRESSION_PANNE';
UPDATE catalog_entries SET fields = fields || '[{"key": "message", "label": "Le message suspect ou sa capture", "kind": "FICHIER", "required": false, "help": "Enregistrez le message (.eml ou .msg) ou faites une capture d''écran ; ne transférez pas le message par courriel.", "choices": []}]'::jsonb
WHERE code = 'SECURITE_PHISHING';
UPDATE catalog_entries SET fields = fields || '[{"key": "capture", "label": "Capture d''écran", "kind": "FICHIER", "required": false, "help": "", "choices": []}]'::jsonb
WHERE code = 'LOGICIEL_AIDE';
