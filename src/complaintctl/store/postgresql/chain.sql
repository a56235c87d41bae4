-- The event log on PostgreSQL: append-only, and chained by the database (store/chain.py, version 2).
--
-- SQLite has one writer at a time, so complaintctl reads the newest event's hash and links the
-- next one to it in Python. PostgreSQL's writers run side by side: the links are made by the
-- database as each transaction commits, under a lock held only for that moment.
--
-- 1. An event is inserted without a hash (events_pending): it gets a provisional id, above every
--    linked one (so the transaction's own events read in order, after all the others), and a
--    placeholder hash nobody else ever sees.
-- 2. At COMMIT the deferred trigger events_link takes the chain's lock, reads the newest linked
--    event (READ COMMITTED: the statement sees every transaction that committed before the lock
--    was granted, the one that just released it included), and gives each of the transaction's
--    events, in the order they were inserted, its final id (the next in events_id_seq) and its
--    link. The lock is released when the commit is done: ids ascend in the order of the chain.
-- An event inserted with its hash and id (a database copied by `migrate-to`) is kept as it is.

CREATE FUNCTION chain_part(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v IS NULL THEN '-' ELSE length(v) || ':' || v END
$$;

-- Version 2 of the chain: SHA-256 (its first 128 bits, as 32 hex digits) over the same content as version 1.
CREATE FUNCTION chain_link(previous text, e events) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT substr(encode(sha256(convert_to(previous
        || chain_part(e.complaint_id::text) || chain_part(e.at) || chain_part(e.actor) || chain_part(e.action)
        || chain_part(e.field) || chain_part(e.old_value) || chain_part(e.new_value) || chain_part(e.note)
        || chain_part(e.customer_id::text) || CASE WHEN e.digest IS NULL THEN '' ELSE chain_part(e.digest) END,
        'UTF8')), 'hex'), 1, 32)
$$;

ALTER TABLE events ALTER COLUMN id DROP IDENTITY IF EXISTS;
CREATE SEQUENCE events_id_seq OWNED BY events.id;
CREATE SEQUENCE events_pending_id MINVALUE 4611686018427387904 START 4611686018427387904;

CREATE FUNCTION events_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.hash IS NULL THEN
        NEW.id := nextval('events_pending_id');
        NEW.hash := repeat('-', 32);  -- replaced by the event's link as its transaction commits
    ELSIF NEW.id IS NULL THEN
        RAISE EXCEPTION 'an event''s hash is made by the database: insert it without one'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_pending BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_pending();

CREATE FUNCTION events_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    previous text;
    e events;
    linked text;
BEGIN
    IF NEW.id < 4611686018427387904 OR NOT EXISTS (SELECT 1 FROM events WHERE id = NEW.id) THEN
        RETURN NULL;  -- kept as inserted, or linked already by this transaction's first event
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'events are chained in READ COMMITTED transactions, not %', current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(7315003);
    SELECT hash INTO previous FROM events WHERE id < 4611686018427387904 ORDER BY id DESC LIMIT 1;
    previous := coalesce(previous, repeat('0', 32));
    FOR e IN SELECT * FROM events WHERE id >= 4611686018427387904 ORDER BY id LOOP
        linked := chain_link(previous, e);
        UPDATE events SET id = nextval('events_id_seq'), hash = linked WHERE id = e.id;
        previous := linked;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER events_link AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION events_link();

-- Append-only: an UPDATE is refused, except the link made at commit; DELETE and TRUNCATE always.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'events' AND TG_OP = 'UPDATE' AND OLD.id >= 4611686018427387904 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW
    EXECUTE FUNCTION refuse_change('events are append-only: UPDATE refused');
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW
    EXECUTE FUNCTION refuse_change('events are append-only: DELETE refused');
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT
    EXECUTE FUNCTION refuse_change('events are append-only: TRUNCATE refused');
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain FOR EACH ROW
    EXECUTE FUNCTION refuse_change('the audit chain''s versions are append-only: UPDATE refused');
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain FOR EACH ROW
    EXECUTE FUNCTION refuse_change('the audit chain''s versions are append-only: DELETE refused');
