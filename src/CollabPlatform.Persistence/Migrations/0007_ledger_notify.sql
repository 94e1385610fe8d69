-- Wakes the feed tailers (Feeds/LedgerTailer) of every replica when ledger rows commit, so that live
-- feeds need neither one query per watcher nor a tight polling loop (DESIGN.md §4 "Feeds").
--
-- NOTIFY is transactional: it is delivered only if, and when, the inserting transaction commits,
-- and identical payloads within one transaction are sent once. The payload is the writer's
-- transaction id, which lets a tailer tell "this commit is not readable yet because an older
-- transaction is still open" (the xmin horizon in EventLedger.ReadAllAsync) from "already read".
-- Notifications are only a wake-up: a tailer that misses some still finds every row by polling.
--
-- Cost: a notifying commit holds PostgreSQL's cluster-wide notify lock until its commit record is
-- flushed, so ledger commits are serialised with one another (one WAL flush each). One statement
-- per INSERT (not per row) keeps the rest of the work out of it.

CREATE OR REPLACE FUNCTION collab_ledger_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('collab_ledger', pg_current_xact_id()::text);
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS collab_ledger_notify ON collab_ledger;
CREATE TRIGGER collab_ledger_notify
    AFTER INSERT ON collab_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION collab_ledger_notify();
