namespace CollabPlatform.Persistence.Feeds;

/// <summary>
/// The SQL of the feeds' read horizon: the oldest transaction that could still commit ledger rows,
/// computed from registered ledger writers only (migration 0012), so that another program's open
/// transaction, in this database or another one of the server, does not hold feeds back.
/// </summary>
internal static class LedgerHorizon
{
    /// <summary>The advisory lock key every ledger writer holds (shared) for its whole transaction: "ledger" in ASCII.</summary>
    public const long WriterLockKey = 0x6C6564676572;

    // Why reading below this horizon in (tx_id, position) order keeps feeds total and gap-free:
    // let S be the statement's snapshot. A transaction with an id below xmax(S) and not in xip(S)
    // had ended when S was taken, so its rows are visible in S or never will be. One in xip(S) is
    // skipped over only when a single, consistent read of pg_locks shows its transactionid lock
    // held without the writer lock: a writer takes that lock before its xid is assigned
    // (collab_ledger_register_writer refuses otherwise) and releases it after its transactionid
    // lock, so such a transaction never writes the ledger. Every id left is a possible writer, and
    // the horizon is the least of them (or xmax(S)): every ledger row committed after S has an id
    // at or above it and so sorts after anything read below it. An id whose locks are not (or no
    // longer) visible counts as a possible writer, which can only delay a row, never skip it.
    // pg_snapshot_xip lists top-level ids only, which is what tx_id holds (pg_current_xact_id).
    private const string Ctes = """
        horizon_snapshot AS (SELECT pg_current_snapshot() AS snap),
        horizon_locks AS MATERIALIZED (
            SELECT locktype, database, classid, objid, objsubid, transactionid, virtualtransaction, pid
            FROM pg_locks
            WHERE granted AND locktype IN ('transactionid', 'advisory')),
        horizon_others AS (
            SELECT t.transactionid
            FROM horizon_locks t
            WHERE t.locktype = 'transactionid'
              AND NOT EXISTS (
                  SELECT 1 FROM horizon_locks w
                  WHERE w.locktype = 'advisory'
                    AND w.virtualtransaction = t.virtualtransaction
                    AND w.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND w.classid = 27749 AND w.objid = 1684497778 AND w.objsubid = 1)),
        horizon AS (
            SELECT coalesce(
                (SELECT min(x.xid)
                 FROM horizon_snapshot s, pg_snapshot_xip(s.snap) AS x(xid)
                 WHERE NOT EXISTS (SELECT 1 FROM horizon_others o WHERE o.transactionid = x.xid::xid)),
                (SELECT pg_snapshot_xmax(s.snap) FROM horizon_snapshot s)) AS xid)
        """;

    /// <summary>Common table expressions to put after <c>WITH</c>; the horizon is <see cref="Value"/>.</summary>
    public const string With = "WITH " + Ctes + "\n";

    /// <summary>The horizon as an <c>xid8</c> expression, for a statement that starts with <see cref="With"/>.</summary>
    public const string Value = "(SELECT xid FROM horizon)";

    /// <summary>
    /// The horizon, the pid, application and age in seconds of the ledger writer that holds it (all
    /// null when none does: the horizon is then the snapshot's xmax), and how many ledger writers
    /// are in a transaction now.
    /// </summary>
    public const string StatusQuery = With + """
        SELECT h.xid::text,
               a.pid,
               a.application_name,
               extract(epoch FROM clock_timestamp() - a.xact_start)::float8,
               (SELECT count(*) FROM horizon_locks w
                WHERE w.locktype = 'advisory' AND w.classid = 27749 AND w.objid = 1684497778 AND w.objsubid = 1
                  AND w.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
        FROM horizon h
        LEFT JOIN horizon_locks t ON t.locktype = 'transactionid' AND t.transactionid = h.xid::xid
            AND NOT EXISTS (SELECT 1 FROM horizon_others o WHERE o.transactionid = t.transactionid)
        LEFT JOIN pg_stat_activity a ON a.pid = t.pid
        """;
}
