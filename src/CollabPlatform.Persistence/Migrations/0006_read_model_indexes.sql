-- Indexes for the API's lists (src/CollabPlatform.Persistence/ReadModels). Lists are served in
-- creation order with keyset paging on (created_at, id): ids are derived from the client's
-- request id, so that a retry lands on the same grain, and do not follow creation order.

CREATE INDEX IF NOT EXISTS collab_partnerships_created_ix ON collab_partnerships (created_at, partnership_id);
CREATE INDEX IF NOT EXISTS collab_programs_created_ix ON collab_programs (created_at, program_id);

