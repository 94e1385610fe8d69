-- Hash chain over the audit log (docs/security.md, "The database enforces append-only").
--
-- Every record belongs to the chain of its stream (stream_id): chain_seq numbers the stream's
-- records 1, 2, 3 ... in the order they were linked, and chain_hash is
--     SHA-256( canonical content of the record  ||  chain_hash of the stream's record chain_seq - 1 )
-- (nothing after the content for chain_seq 1). A record edited, removed or inserted behind the
-- application's back therefore no longer matches its hash, or breaks the hash of the record after
-- it; `collab audit verify` recomputes every chain (Audit/AuditChainVerifier.cs, which must encode
-- the content exactly as collab_audit_canonical below does).
--
-- Links are made by the insert trigger, in the inserting transaction, under a transaction-scoped
-- advisory lock on the stream: records of one stream are linked one at a time (they are written one
-- at a time anyway, by the stream's grain), records of different streams never wait for each other.
-- The link is read with a fresh snapshot after the lock is granted, so it sees the record the
-- previous holder committed (READ COMMITTED, as the application uses).

ALTER TABLE collab_audit
    ADD COLUMN IF NOT EXISTS chain_seq  bigint NULL,
    ADD COLUMN IF NOT EXISTS chain_hash bytea NULL;

-- Canonical content, version 1: every column as length-prefixed UTF-8 text ("<bytes>:<text>;",
-- "~;" for NULL), arrays as "<count>#" followed by their elements, instants as microseconds since
-- 1970-01-01 UTC. Nothing depends on the session's time zone, date style or locale.
CREATE OR REPLACE FUNCTION collab_audit_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN '~;' ELSE octet_length(value)::text || ':' || value || ';' END
$$;

CREATE OR REPLACE FUNCTION collab_audit_list(items text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN items IS NULL THEN '~;' ELSE
        coalesce(cardinality(items), 0)::text || '#' ||
        coalesce((SELECT string_agg(collab_audit_field(item), '' ORDER BY ordinal) FROM unnest(items) WITH ORDINALITY AS u(item, ordinal)), '')
    END
$$;

CREATE OR REPLACE FUNCTION collab_audit_instant(value timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (extract(epoch FROM value) * 1000000)::bigint::text
$$;

CREATE OR REPLACE FUNCTION collab_audit_canonical(r collab_audit) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT convert_to(
        'collab-audit-v1;'
        || collab_audit_field(r.audit_id::text)
        || collab_audit_field(r.stream_id)
        || collab_audit_field(r.chain_seq::text)
        || collab_audit_field(collab_audit_instant(r.recorded_at))
        || collab_audit_field(collab_audit_instant(r.occurred_at))
        || collab_audit_field(r.actor)
        || collab_audit_field(r.actor_role)
        || collab_audit_field(r.actor_jurisdiction)
        || collab_audit_field(r.request_id)
        || collab_audit_field(r.operation)
        || collab_audit_field(r.resource_type)
        || collab_audit_field(r.resource_id)
        || collab_audit_field(r.partnership_id)
        || collab_audit_field(r.from_version::text)
        || collab_audit_field(r.to_version::text)
        || collab_audit_field(r.from_stage)
        || collab_audit_field(r.to_stage)
        || collab_audit_field(r.from_status)
        || collab_audit_field(r.to_status)
        || collab_audit_list(r.event_types)
        || collab_audit_list(r.jurisdictions),
        'UTF8')
$$;

CREATE OR REPLACE FUNCTION collab_audit_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    previous_seq  bigint;
    previous_hash bytea;
BEGIN
    -- Key space 'audi' (two int4 keys, apart from the migrator's one bigint key).
    PERFORM pg_advisory_xact_lock(1635083369, hashtext(NEW.stream_id));
    SELECT chain_seq, chain_hash INTO previous_seq, previous_hash
    FROM collab_audit
    WHERE stream_id = NEW.stream_id
    ORDER BY chain_seq DESC
    LIMIT 1;
    NEW.chain_seq := coalesce(previous_seq, 0) + 1;
    NEW.chain_hash := sha256(collab_audit_canonical(NEW) || coalesce(previous_hash, '\x'::bytea));
    RETURN NEW;
END;
$$;

-- Records written before the chain existed are linked now, per stream in the order they were recorded.
ALTER TABLE collab_audit DISABLE TRIGGER collab_audit_append_only;
DO $$
DECLARE
    r              collab_audit%ROWTYPE;
    current_stream text := NULL;
    seq            bigint := 0;
    previous_hash  bytea := '\x';
BEGIN
    FOR r IN SELECT * FROM collab_audit WHERE chain_hash IS NULL ORDER BY stream_id, audit_id LOOP
        IF current_stream IS DISTINCT FROM r.stream_id THEN
            current_stream := r.stream_id;
            seq := 0;
            previous_hash := '\x';
        END IF;
        seq := seq + 1;
        r.chain_seq := seq;
        r.chain_hash := sha256(collab_audit_canonical(r) || previous_hash);
        UPDATE collab_audit SET chain_seq = r.chain_seq, chain_hash = r.chain_hash WHERE audit_id = r.audit_id;
        previous_hash := r.chain_hash;
    END LOOP;
END;
$$;
ALTER TABLE collab_audit ENABLE TRIGGER collab_audit_append_only;

ALTER TABLE collab_audit
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN chain_hash SET NOT NULL;

-- One record per link: a chain cannot fork, and the trigger finds a stream's last link by index.
CREATE UNIQUE INDEX IF NOT EXISTS collab_audit_chain_uq ON collab_audit (stream_id, chain_seq);

DROP TRIGGER IF EXISTS collab_audit_link ON collab_audit;
CREATE TRIGGER collab_audit_link
    BEFORE INSERT ON collab_audit
    FOR EACH ROW EXECUTE FUNCTION collab_audit_link();
