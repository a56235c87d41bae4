-- Search on PostgreSQL: what search looks in (the view complaint_search_text, as on SQLite: views.sql),
-- kept per complaint in complaints_fts with a trigram index (pg_trgm, GIN) over ``document``: the
-- columns joined and lower-cased, so that a term is found as a substring, Chinese without word
-- segmentation, Latin letters in any case. Triggers keep it in step with the tables, as FTS5's
-- do on SQLite. store/search.py asks it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE complaints_fts (
    id BIGINT PRIMARY KEY,
    subject TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C" NOT NULL,
    resolution TEXT COLLATE "C" NOT NULL,
    customer TEXT COLLATE "C" NOT NULL,
    tags TEXT COLLATE "C" NOT NULL,
    notes TEXT COLLATE "C" NOT NULL,
    other TEXT COLLATE "C" NOT NULL,
    -- lower() by the database's character type (a UTF-8 one: Ä is ä, as in Python), not by "C"
    document TEXT GENERATED ALWAYS AS (lower((subject || description || resolution || customer || tags || notes
                                              || other) COLLATE "default")) STORED
);

CREATE INDEX complaints_fts_document ON complaints_fts USING gin (document gin_trgm_ops);

-- Index complaint ``which`` again from what it is now (or take it out, when it is gone).
CREATE FUNCTION search_refresh(which bigint) RETURNS void LANGUAGE sql AS $$
    DELETE FROM complaints_fts WHERE id = which;
    INSERT INTO complaints_fts (id, subject, description, resolution, customer, tags, notes, other)
        SELECT id, subject, description, resolution, customer, tags, notes, other FROM complaint_search_text
        WHERE id = which;
$$;

CREATE FUNCTION search_on_complaint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM complaints_fts WHERE id = OLD.id;
    ELSE
        PERFORM search_refresh(NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_on_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD.complaint_id ELSE NEW.complaint_id END);
    RETURN NULL;
END
$$;

CREATE FUNCTION search_on_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh(NEW.complaint_id);
    RETURN NULL;
END
$$;

CREATE FUNCTION search_on_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh(c.id) FROM complaints c WHERE c.customer_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION search_on_complaint();
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF subject, description, resolution, customer_id, ref, extra
    ON complaints FOR EACH ROW EXECUTE FUNCTION search_on_complaint();
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints FOR EACH ROW EXECUTE FUNCTION search_on_complaint();
CREATE TRIGGER complaint_tags_fts AFTER INSERT OR DELETE ON complaint_tags FOR EACH ROW EXECUTE FUNCTION search_on_tag();
CREATE TRIGGER events_fts_note AFTER INSERT ON events FOR EACH ROW
    WHEN (NEW.complaint_id IS NOT NULL AND NEW.note IS NOT NULL AND NEW.action NOT IN ('logged', 'imported'))
    EXECUTE FUNCTION search_on_note();
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, company, email, phone ON customers FOR EACH ROW
    EXECUTE FUNCTION search_on_customer();
