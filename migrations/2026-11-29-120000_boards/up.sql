-- The queue boards: agents' saved views, the index behind "my tickets", and the assignee in the live
-- announcement of a change, so that a "my tickets" board hears only the changes that concern it.

CREATE TABLE saved_views (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    name        TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
    -- The board's URL query, as the board writes it (app/src/domain/board.rs).
    query       TEXT NOT NULL CHECK (length(query) <= 1000),
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, name)
);

-- Written as the boards' queries write it (app/src/boards/service.rs), so the planner can use it.
CREATE INDEX tickets_open_by_assignee_idx ON tickets (assignee_id)
    WHERE status NOT IN ('CLOS', 'ANNULE', 'REFUSE');

CREATE OR REPLACE FUNCTION announce_ticket_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('immo9_tickets', json_build_object(
        'id', NEW.id,
        'version', NEW.version,
        'pole', NEW.pole,
        -- The pole it left, when this change escalated it: that pole's pages must hear of it too.
        'previous_pole', CASE WHEN TG_OP = 'UPDATE' AND OLD.pole <> NEW.pole THEN OLD.pole END,
        'status', NEW.status,
        'created', TG_OP = 'INSERT',
        'assignee', NEW.assignee_id,
        -- The agent it was taken from, when this change gave it to someone else or to nobody.
        'previous_assignee', CASE WHEN TG_OP = 'UPDATE' AND OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
                                  THEN OLD.assignee_id END
    )::text);
    RETURN NULL;
END
$$;
