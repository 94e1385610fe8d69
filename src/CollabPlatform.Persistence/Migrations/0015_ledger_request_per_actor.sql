-- A request id belongs to the caller who sent it: two parties to one partnership may both use the
-- id "R" for their own changes. Uniqueness therefore covers the actor too; the index keeps its
-- name, which the ledger maps to a concurrency conflict.

DROP INDEX IF EXISTS collab_ledger_request_uq;
CREATE UNIQUE INDEX IF NOT EXISTS collab_ledger_request_uq ON collab_ledger (stream_id, actor, request_id)
    WHERE request_id IS NOT NULL;
