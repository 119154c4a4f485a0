-- The capacity model reads arrivals per pole by hour of the week, and handle times from logged effort.
CREATE INDEX tickets_arrivals_idx ON tickets (pole, registered_at);
CREATE INDEX ticket_effort_pole_idx ON ticket_effort (pole, at);

-- Every change to a ticket is announced on the `immo9_tickets` channel. PostgreSQL delivers a NOTIFY only
-- when the transaction that made the change commits, so a refused change announces nothing, and every
-- server instance listening on the database hears every instance's changes.
CREATE FUNCTION announce_ticket_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('immo9_tickets', json_build_object(
        'id', NEW.id,
        'version', NEW.version,
        'pole', NEW.pole,
        -- The pole it left, when this change escalated it: that pole's pages must hear of it too.
        'previous_pole', CASE WHEN TG_OP = 'UPDATE' AND OLD.pole <> NEW.pole THEN OLD.pole END,
        'status', NEW.status,
        'created', TG_OP = 'INSERT'
    )::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER tickets_announce_change
    AFTER INSERT OR UPDATE ON tickets
    FOR EACH ROW EXECUTE FUNCTION announce_ticket_change();
