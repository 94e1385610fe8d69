-- Grain state for Orleans.Persistence.AdoNet: one row per grain and state, the payload serialised by Orleans.
--
-- A grain is identified by the provider's own fields: two 64-bit key halves (n0, n1), an optional
-- string key extension, the grain type and the service id, plus 32-bit hashes of the id and type
-- that keep lookups on a small integer index. The version is the state's etag: a write must name
-- the version it read (@GrainStateVersion, NULL for "never stored"), and succeeds only if that is
-- still the stored one. Any answer equal to the etag sent, or empty, makes Orleans raise
-- InconsistentStateException instead of overwriting someone else's change.

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    grain_id_hash      integer NOT NULL,
    grain_type_hash    integer NOT NULL,
    service_id         text NOT NULL,
    grain_id_n0        bigint NOT NULL,
    grain_id_n1        bigint NOT NULL,
    grain_type         text NOT NULL,
    grain_id_extension text NULL,
    -- NULL after a clear that keeps the row (the version keeps counting).
    payload            bytea NULL,
    version            integer NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per grain, also when two activations of the same grain race to store their first state
-- (e.g. during a network partition): the loser gets a version conflict, not a duplicate row.
-- The extension is nullable and NULL never equals NULL in a unique index, so its presence is
-- indexed separately from its value. The hashes come first so that lookups use this index.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity ON orleans_grain_state (
    grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type,
    (grain_id_extension IS NULL), coalesce(grain_id_extension, ''));

-- Stores a state. Returns the new version, or NULL when nothing was written because the version
-- read by the caller is no longer the stored one (or, for a first write, a row already exists).
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_grain_id_hash      integer,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_type_hash    integer,
    p_grain_type         text,
    p_grain_id_extension text,
    p_service_id         text,
    p_read_version       integer,
    p_payload            bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_new_version integer;
BEGIN
    IF p_read_version IS NULL THEN
        INSERT INTO orleans_grain_state (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                                         grain_type, grain_id_extension, payload, version)
        VALUES (p_grain_id_hash, p_grain_type_hash, p_service_id, p_grain_id_n0, p_grain_id_n1,
                p_grain_type, p_grain_id_extension, p_payload, 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO v_new_version;
    ELSE
        UPDATE orleans_grain_state
        SET payload = p_payload, version = version + 1, modified_at = now()
        WHERE grain_id_hash = p_grain_id_hash AND grain_type_hash = p_grain_type_hash
          AND service_id = p_service_id AND grain_id_n0 = p_grain_id_n0 AND grain_id_n1 = p_grain_id_n1
          AND grain_type = p_grain_type AND grain_id_extension IS NOT DISTINCT FROM p_grain_id_extension
          AND version = p_read_version
        RETURNING version INTO v_new_version;
    END IF;

    RETURN v_new_version;
END;
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
SELECT orleans_grain_state_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                                 @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS NewGrainStateVersion;
$q$),

-- No row means "never stored"; a row with a NULL payload means "cleared", and its version is still
-- the etag for the next write.
('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- Clearing keeps the row and counts the version on, so a stale writer still conflicts afterwards.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
$q$),

-- Used instead of ClearStorageKey when the provider is set to delete on clear. Orleans treats an
-- answer equal to the etag it sent as a conflict, so a successful delete reports version + 1.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
