CREATE OR REPLACE FUNCTION announce_ticket_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('immo9_tickets', json_build_object(
        'id', NEW.id,
        'version', NEW.version,
        'pole', NEW.pole,
        'previous_pole', CASE WHEN TG_OP = 'UPDATE' AND OLD.pole <> NEW.pole THEN OLD.pole END,
        'status', NEW.status,
        'created', TG_OP = 'INSERT'
    )::text);
    RETURN NULL;
END
$$;
DROP INDEX tickets_open_by_assignee_idx;
DROP TABLE saved_views;
