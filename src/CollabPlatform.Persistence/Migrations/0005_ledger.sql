-- The agreement ledger: every accepted change to a partnership, joint programme or region profile,
-- appended in the same transaction as the read model row it produces (DESIGN.md §4).

CREATE TABLE IF NOT EXISTS collab_ledger (
    -- Allocation order only. Sequence values are handed out before commit, so a later position can
    -- become visible before an earlier one; feeds therefore order by (tx_id, position) and read only
    -- below the oldest running transaction (see EventLedger.ReadAllAsync).
    position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       text NOT NULL,
    stream_version  bigint NOT NULL CHECK (stream_version > 0),
    event_type      text NOT NULL,
    payload         jsonb NOT NULL,
    actor           text NOT NULL,
    occurred_at     timestamptz NOT NULL,
    partnership_id  text NULL,
    from_stage      text NULL,
    to_stage        text NULL,
    -- Every jurisdiction that may see this event: both parties, every region above them, the
    -- ministries of their countries and explicit facilitators. Feeds filter with @>.
    jurisdictions   text[] NOT NULL DEFAULT '{}',
    request_id      text NULL,
    request_hash    text NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    -- Optimistic concurrency: two writers that read the same version cannot both append.
    CONSTRAINT collab_ledger_stream_version_uq UNIQUE (stream_id, stream_version)
);

CREATE INDEX IF NOT EXISTS collab_ledger_feed_ix ON collab_ledger (tx_id, position);
CREATE INDEX IF NOT EXISTS collab_ledger_jurisdictions_ix ON collab_ledger USING gin (jurisdictions);
CREATE UNIQUE INDEX IF NOT EXISTS collab_ledger_request_uq ON collab_ledger (stream_id, request_id)
    WHERE request_id IS NOT NULL;

-- The ledger is append-only: history is never edited, only added to.
CREATE OR REPLACE FUNCTION collab_ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'collab_ledger is append-only (% refused)', TG_OP;
END;
$$;

DROP TRIGGER IF EXISTS collab_ledger_append_only ON collab_ledger;
CREATE TRIGGER collab_ledger_append_only
    BEFORE UPDATE OR DELETE ON collab_ledger
    FOR EACH ROW EXECUTE FUNCTION collab_ledger_refuse_change();

-- Read model of partnerships for lists, dashboards and scoped queries; written in the same
-- transaction as the events that change it, so it is never ahead of or behind the ledger.
CREATE TABLE IF NOT EXISTS collab_partnerships (
    partnership_id      text PRIMARY KEY,
    version             bigint NOT NULL,
    kind                text NOT NULL,
    stage               text NOT NULL,
    title               text NOT NULL,
    local_region        text NOT NULL,
    counterpart_region  text NULL,
    counterpart_country text NOT NULL,
    sectors             text[] NOT NULL DEFAULT '{}',
    jurisdictions       text[] NOT NULL DEFAULT '{}',
    effective_on        date NULL,
    expires_on          date NULL,
    next_deadline       timestamptz NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    summary             jsonb NOT NULL
);

CREATE INDEX IF NOT EXISTS collab_partnerships_jurisdictions_ix ON collab_partnerships USING gin (jurisdictions);
CREATE INDEX IF NOT EXISTS collab_partnerships_sectors_ix ON collab_partnerships USING gin (sectors);
CREATE INDEX IF NOT EXISTS collab_partnerships_stage_ix ON collab_partnerships (stage, partnership_id);
CREATE INDEX IF NOT EXISTS collab_partnerships_expires_ix ON collab_partnerships (expires_on) WHERE expires_on IS NOT NULL;

CREATE TABLE IF NOT EXISTS collab_programs (
    program_id       text PRIMARY KEY,
    partnership_id   text NOT NULL,
    version          bigint NOT NULL,
    sector           text NOT NULL,
    status           text NOT NULL,
    title            text NOT NULL,
    jurisdictions    text[] NOT NULL DEFAULT '{}',
    next_report_due  date NULL,
    report_overdue   boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    summary          jsonb NOT NULL
);

CREATE INDEX IF NOT EXISTS collab_programs_partnership_ix ON collab_programs (partnership_id, program_id);
CREATE INDEX IF NOT EXISTS collab_programs_jurisdictions_ix ON collab_programs USING gin (jurisdictions);
CREATE INDEX IF NOT EXISTS collab_programs_due_ix ON collab_programs (next_report_due) WHERE next_report_due IS NOT NULL;
