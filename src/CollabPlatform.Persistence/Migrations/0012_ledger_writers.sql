-- Ledger writers register themselves, so that feeds can compute their read horizon from the
-- transactions that could write the ledger rather than from every transaction of the server
-- (Feeds/LedgerHorizon, docs/feeds.md "The horizon").
--
-- A writer holds a transaction-level shared advisory lock on the key 'ledger' (0x6C6564676572,
-- shown in pg_locks as classid 27749, objid 1684497778, objsubid 1) from before its transaction
-- id is assigned until it ends. Lock-table entries are not subject to MVCC: a reader sees the
-- lock the moment it is granted, together with the writer's transactionid lock, in one
-- consistent read of pg_locks. A transaction whose transactionid lock is held without this lock
-- can therefore never commit a ledger row, and readers need not wait for it.
--
-- The statement trigger takes the lock for every INSERT into collab_ledger, so EventLedger needs
-- no extra statement: its batch starts with the ledger INSERT, before anything has assigned an
-- xid. A transaction that already has an xid when it first inserts a ledger row has been visible
-- without the lock, so it is refused unless it called collab_ledger_register_writer() before its
-- first write.

CREATE OR REPLACE FUNCTION collab_ledger_register_writer() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('collab.ledger_writer', true) IS DISTINCT FROM 'on' THEN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
            RAISE EXCEPTION 'a ledger writer must register before its first write (transaction % already wrote)',
                pg_current_xact_id_if_assigned()
                USING HINT = 'call collab_ledger_register_writer() first in the transaction, or insert the ledger rows first';
        END IF;
        PERFORM pg_advisory_xact_lock_shared(x'6C6564676572'::bigint);
        PERFORM set_config('collab.ledger_writer', 'on', true);
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION collab_ledger_register_inserter() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM collab_ledger_register_writer();
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS collab_ledger_register_writer ON collab_ledger;
CREATE TRIGGER collab_ledger_register_writer
    BEFORE INSERT ON collab_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION collab_ledger_register_inserter();
