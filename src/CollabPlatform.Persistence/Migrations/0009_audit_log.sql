-- The audit log (DESIGN.md §6, issue #6): one row per accepted mutation, with who made it (the
-- token's subject, role and jurisdiction), the client's request id, the resource and its stage or
-- status before and after. Partnership and joint-programme rows are written in the same
-- transaction as the change's ledger events (EventLedger.AppendAsync), so no change exists without
-- its record. Region profiles live in Orleans grain storage; their records travel in the grain's
-- stored state (an outbox written with the change) and are copied here right after, idempotently
-- (the unique change key below).

CREATE TABLE IF NOT EXISTS collab_audit (
    audit_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    -- The instant the change was decided (the grain's clock), as in the ledger.
    occurred_at         timestamptz NOT NULL,
    actor               text NOT NULL,
    actor_role          text NOT NULL,
    actor_jurisdiction  text NULL,
    request_id          text NULL,
    -- The command, e.g. AdvanceStage, UpdateRegionProfile, CheckDeadlines.
    operation           text NOT NULL,
    -- partnership, joint_program or region_profile.
    resource_type       text NOT NULL,
    resource_id         text NOT NULL,
    partnership_id      text NULL,
    stream_id           text NOT NULL,
    from_version        bigint NOT NULL CHECK (from_version >= 0),
    to_version          bigint NOT NULL CHECK (to_version > from_version),
    -- A partnership's stage, a joint programme's status; NULL where the resource has none or
    -- (from_*) did not exist before.
    from_stage          text NULL,
    to_stage            text NULL,
    from_status         text NULL,
    to_status           text NULL,
    event_types         text[] NOT NULL,
    -- Who may read the record: the jurisdictions that see the resource.
    jurisdictions       text[] NOT NULL DEFAULT '{}',
    CONSTRAINT collab_audit_change_uq UNIQUE (stream_id, to_version)
);

CREATE INDEX IF NOT EXISTS collab_audit_jurisdictions_ix ON collab_audit USING gin (jurisdictions);
CREATE INDEX IF NOT EXISTS collab_audit_partnership_ix ON collab_audit (partnership_id, audit_id) WHERE partnership_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS collab_audit_recorded_ix ON collab_audit (recorded_at, audit_id);

-- Append-only, like the ledger: records are never edited or removed.
CREATE OR REPLACE FUNCTION collab_audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'collab_audit is append-only (% refused)', TG_OP;
END;
$$;

DROP TRIGGER IF EXISTS collab_audit_append_only ON collab_audit;
CREATE TRIGGER collab_audit_append_only
    BEFORE UPDATE OR DELETE ON collab_audit
    FOR EACH ROW EXECUTE FUNCTION collab_audit_refuse_change();

DROP TRIGGER IF EXISTS collab_audit_no_truncate ON collab_audit;
CREATE TRIGGER collab_audit_no_truncate
    BEFORE TRUNCATE ON collab_audit
    FOR EACH STATEMENT EXECUTE FUNCTION collab_audit_refuse_change();
