-- SQLite's functions that complaintctl's SQL, its views and the queries in docs/ use, under their
-- own names, with SQLite's meaning: times are ISO-8601 text in UTC, 'now' is the statement's
-- time, an unreadable time gives NULL, an aggregate of no rows gives NULL. So the SQL a team
-- writes against the desk runs on both engines (docs/schema.md).

-- A time as SQLite reads one: 'now', YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fff]] (or with T), an
-- optional Z or +HH:MM; as a timestamp in UTC. Anything else: NULL.
CREATE FUNCTION sqlite_time(t text) RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN t = 'now' THEN statement_timestamp() AT TIME ZONE 'UTC'
        WHEN t ~ '^\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d+)?)?)?(Z|[+-]\d\d:\d\d)?$' THEN
            CASE WHEN t ~ '[+-]\d\d:\d\d$' THEN t::timestamptz AT TIME ZONE 'UTC'
                 ELSE rtrim(t, 'Z')::timestamp END
    END
$$;

-- One of SQLite's date modifiers: '+N days' (hours, minutes, seconds, months, years),
-- 'weekday N' (0 = Sunday), 'start of day|month|year', 'localtime' and 'utc' (the session's
-- TimeZone is the local zone).
CREATE FUNCTION sqlite_modified(ts timestamp, modifier text) RETURNS timestamp LANGUAGE plpgsql STABLE AS $$
DECLARE
    m text := lower(trim(modifier));
    parts text[];
    wanted int;
BEGIN
    IF ts IS NULL OR m IS NULL THEN RETURN NULL; END IF;
    parts := regexp_match(m, '^([+-]?\d+(?:\.\d+)?)\s+(day|hour|minute|second|month|year)s?$');
    IF parts IS NOT NULL THEN
        RETURN ts + (parts[1] || ' ' || parts[2])::interval;
    END IF;
    parts := regexp_match(m, '^weekday\s+([0-6])$');
    IF parts IS NOT NULL THEN
        wanted := parts[1]::int;
        RETURN ts + ((wanted - extract(dow FROM ts)::int + 7) % 7) * interval '1 day';
    END IF;
    IF m = 'start of day' THEN RETURN date_trunc('day', ts); END IF;
    IF m = 'start of month' THEN RETURN date_trunc('month', ts); END IF;
    IF m = 'start of year' THEN RETURN date_trunc('year', ts); END IF;
    IF m = 'localtime' THEN RETURN (ts AT TIME ZONE 'UTC') AT TIME ZONE current_setting('TimeZone'); END IF;
    IF m = 'utc' THEN RETURN (ts AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC'; END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION sqlite_time(t text, modifiers text[]) RETURNS timestamp LANGUAGE plpgsql STABLE AS $$
DECLARE
    ts timestamp := sqlite_time(t);
    m text;
BEGIN
    FOREACH m IN ARRAY modifiers LOOP
        ts := sqlite_modified(ts, m);
    END LOOP;
    RETURN ts;
END
$$;

-- strftime(format, time, modifiers...): %Y %m %d %H %M %S %f %j %W %w %s %J %%.
CREATE FUNCTION sqlite_strftime(fmt text, ts timestamp) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN ts IS NULL OR fmt IS NULL THEN NULL ELSE
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        replace(fmt, '%%', chr(1)),
        '%Y', to_char(ts, 'YYYY')), '%m', to_char(ts, 'MM')), '%d', to_char(ts, 'DD')),
        '%H', to_char(ts, 'HH24')), '%M', to_char(ts, 'MI')), '%S', to_char(ts, 'SS')),
        '%f', to_char(ts, 'SS.MS')), '%j', to_char(ts, 'DDD')), '%w', extract(dow FROM ts)::int::text),
        '%W', lpad(((extract(doy FROM ts)::int + 6 - (extract(dow FROM ts)::int + 6) % 7) / 7)::text, 2, '0')),
        '%s', floor(extract(epoch FROM ts))::bigint::text),
        '%J', (extract(epoch FROM ts) / 86400 + 2440587.5)::text), chr(1), '%')
    END
$$;

CREATE FUNCTION strftime(fmt text, t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sqlite_strftime(fmt, sqlite_time(t))
$$;

CREATE FUNCTION strftime(fmt text, t text, VARIADIC modifiers text[]) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT sqlite_strftime(fmt, sqlite_time(t, modifiers))
$$;

-- julianday(time, modifiers...): days since noon, 24 November 4714 BC, as a real number.
CREATE FUNCTION julianday(t text) RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (extract(epoch FROM sqlite_time(t)) / 86400 + 2440587.5)::double precision
$$;

CREATE FUNCTION julianday(t text, VARIADIC modifiers text[]) RETURNS double precision LANGUAGE sql STABLE AS $$
    SELECT (extract(epoch FROM sqlite_time(t, modifiers)) / 86400 + 2440587.5)::double precision
$$;

-- date() and datetime(): 'YYYY-MM-DD' and 'YYYY-MM-DD HH:MM:SS'. (date('2026-11-24') with a
-- quoted literal alone is PostgreSQL's cast to its date type; a column or a modifier is ours.)
CREATE FUNCTION date(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(sqlite_time(t), 'YYYY-MM-DD')
$$;

CREATE FUNCTION date(t text, VARIADIC modifiers text[]) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT to_char(sqlite_time(t, modifiers), 'YYYY-MM-DD')
$$;

CREATE FUNCTION datetime(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(sqlite_time(t), 'YYYY-MM-DD HH24:MI:SS')
$$;

CREATE FUNCTION datetime(t text, VARIADIC modifiers text[]) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT to_char(sqlite_time(t, modifiers), 'YYYY-MM-DD HH24:MI:SS')
$$;

-- printf(format, value) for one value: %d, %5d, %05d, %s, %.2f, %%.
CREATE FUNCTION sqlite_printf(fmt text, value text, is_number boolean) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    spec text[] := regexp_match(fmt, '%(0?)(\d*)(?:\.(\d+))?([dsf])');
    shown text;
BEGIN
    IF spec IS NULL THEN RETURN replace(fmt, '%%', '%'); END IF;
    IF spec[4] = 'd' THEN shown := trunc(value::numeric)::bigint::text;
    ELSIF spec[4] = 'f' THEN shown := to_char(value::numeric, 'FM9999999999999999990.' || repeat('0', coalesce(spec[3], '6')::int));
    ELSE shown := coalesce(value, ''); END IF;
    IF spec[2] <> '' THEN
        shown := CASE WHEN spec[1] = '0' AND spec[4] <> 's' THEN lpad(shown, spec[2]::int, '0')
                      ELSE lpad(shown, greatest(spec[2]::int, length(shown)), ' ') END;
    END IF;
    RETURN replace(regexp_replace(replace(fmt, '%%', chr(1)), '%(0?)(\d*)(?:\.(\d+))?([dsf])', replace(shown, '\', '\\')), chr(1), '%');
END
$$;

CREATE FUNCTION printf(fmt text, value bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT sqlite_printf(fmt, value::text, true) $$;
CREATE FUNCTION printf(fmt text, value double precision) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT sqlite_printf(fmt, value::text, true) $$;
CREATE FUNCTION printf(fmt text, value numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT sqlite_printf(fmt, value::text, true) $$;
CREATE FUNCTION printf(fmt text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT sqlite_printf(fmt, value, false) $$;

-- group_concat(value [, separator]): the values joined, in the order they come; NULLs skipped.
CREATE FUNCTION sqlite_group_concat_step(joined text, value text, separator text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN joined WHEN joined IS NULL THEN value ELSE joined || separator || value END
$$;

CREATE FUNCTION sqlite_group_concat_step(joined text, value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sqlite_group_concat_step(joined, value, ',')
$$;

CREATE AGGREGATE group_concat(text, text) (SFUNC = sqlite_group_concat_step, STYPE = text);
CREATE AGGREGATE group_concat(text) (SFUNC = sqlite_group_concat_step, STYPE = text);

-- json_group_array(value): the values as a JSON array ('[]' for none), as text.
CREATE FUNCTION sqlite_json_array(items anycompatiblearray) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_to_json(items)::text, '[]')
$$;

CREATE AGGREGATE json_group_array(anycompatible) (SFUNC = array_append, STYPE = anycompatiblearray, INITCOND = '{}',
    FINALFUNC = sqlite_json_array);

-- instr(text, part): the 1-based position of part in text, 0 when it is not there.
CREATE FUNCTION instr(t text, part text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT strpos(t, part)
$$;

CREATE FUNCTION ifnull(a anycompatible, b anycompatible) RETURNS anycompatible LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(a, b)
$$;

CREATE FUNCTION iif(test boolean, a anycompatible, b anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN test THEN a ELSE b END
$$;

-- min(a, b) and max(a, b) of two values: NULL when either is NULL (PostgreSQL's least() and
-- greatest() skip NULLs; SQLite's two-argument min() and max() do not).
CREATE FUNCTION min(a anycompatible, b anycompatible) RETURNS anycompatible LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b < a THEN b ELSE a END
$$;

CREATE FUNCTION max(a anycompatible, b anycompatible) RETURNS anycompatible LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b > a THEN b ELSE a END
$$;

-- round(real, digits): SQLite rounds a real half away from zero on its decimal digits.
CREATE FUNCTION round(x double precision, digits integer) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT round(x::numeric, digits)::double precision
$$;

-- sum() and total() of a comparison count the rows where it holds, as SQLite's 1 and 0 do.
CREATE FUNCTION sqlite_count_true(n bigint, test boolean) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN test IS NULL THEN n ELSE coalesce(n, 0) + test::int END
$$;

CREATE AGGREGATE sum(boolean) (SFUNC = sqlite_count_true, STYPE = bigint);

-- value GLOB pattern: * any text, ? one character, [abc] [^abc] [a-z] a set; case matters.
CREATE FUNCTION glob_regex(pattern text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    out text := '^';
    i int := 1;
    c text;
    j int;
BEGIN
    WHILE i <= length(pattern) LOOP
        c := substr(pattern, i, 1);
        IF c = '*' THEN out := out || '.*';
        ELSIF c = '?' THEN out := out || '.';
        ELSIF c = '[' THEN
            j := strpos(substr(pattern, i + 2), ']');
            IF j = 0 THEN out := out || '\['; ELSE
                out := out || '[' || replace(substr(pattern, i + 1, j), '\', '\\') || ']';
                i := i + j + 1;
            END IF;
        ELSE out := out || regexp_replace(c, '([.^$+(){}|\\])', '\\\1');
        END IF;
        i := i + 1;
    END LOOP;
    RETURN out || '$';
END
$$;

CREATE FUNCTION glob(pattern text, value text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value ~ glob_regex(pattern)
$$;

-- json_valid(text): whether the text is JSON (read as 1 or 0, as SQLite gives it).
CREATE FUNCTION json_valid(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF t IS NULL THEN RETURN NULL; END IF;
    PERFORM t::json;
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END
$$;

-- json_extract(json, path): the value at SQLite's JSON path, as text ('$' alone: the whole): '$.key',
-- '$.a.b', a key with spaces or dots quoted ('$."Location Type"'), an array's item ('$.tags[0]').
CREATE FUNCTION json_extract(t text, path text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN path = '$' THEN t
                ELSE (t::jsonb) #>> ARRAY(SELECT coalesce(m[1], m[2], m[3])
                                          FROM regexp_matches(path, '\."([^"]*)"|\.([^."[]+)|\[([0-9]+)\]', 'g')
                                               WITH ORDINALITY AS step(m, n) ORDER BY n) END
$$;
