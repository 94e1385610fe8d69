-- Ledger commits are announced by the writer right after its transaction has committed
-- (Ledger/EventLedger.AppendAsync), no longer by the insert trigger of migration 0007.
--
-- A transaction that notifies takes PostgreSQL's cluster-wide notify lock at commit and holds it
-- until its commit record is flushed, so with the trigger every ledger commit waited for the WAL
-- flush of the one before it: under concurrent writers almost all of them queued on that lock
-- (wait event Lock:object) and commits could not share a flush. The writer now notifies in a
-- transaction of its own with synchronous_commit off, which holds the lock only for the moment it
-- takes to queue the notification. The payload is unchanged (the writing transaction's id).
--
-- Notifications remain only a wake-up: a commit whose writer dies before notifying is still found
-- by the tailers' polling (Collab:Feeds:PollInterval).

DROP TRIGGER IF EXISTS collab_ledger_notify ON collab_ledger;
DROP FUNCTION IF EXISTS collab_ledger_notify();
