-- Reminders for Orleans.Reminders.AdoNet: durable timers that survive silo restarts (DESIGN.md §3 uses
-- them for expiry and reporting deadlines).
--
-- Each silo owns a range of a 32-bit hash ring and periodically loads the reminders whose grain hash
-- falls in it. The version is the reminder's etag: every upsert counts it on, and a delete must name
-- the version it read, so a stale silo cannot remove a reminder that was re-registered meanwhile.

CREATE TABLE IF NOT EXISTS orleans_reminder (
    service_id    text NOT NULL,
    -- Orleans' own text form of the grain id ("type/key").
    grain_id      text NOT NULL,
    reminder_name text NOT NULL,
    -- Millisecond precision, as Orleans itself keeps these times.
    start_time    timestamptz(3) NOT NULL,
    period_ms     bigint NOT NULL,
    -- The grain's position on the ring: Orleans' unsigned hash stored as a signed integer.
    grain_hash    integer NOT NULL,
    version       integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Every silo reads its ring range on start and at each refresh.
CREATE INDEX IF NOT EXISTS orleans_reminder_ring_ix ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Registering again replaces the schedule and counts the version on; the answer is the new etag.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time,
    period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash,
    version = orleans_reminder.version + 1
RETURNING version AS Version;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

-- A ring range (@BeginHash, @EndHash] that does not wrap around: Orleans picks this statement when
-- the begin hash, read as a signed integer, is below the end hash.
('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

-- The same range when it wraps around the end of the ring.
('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- Orleans reads the single value as a boolean: 1 when the reminder was removed.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT count(*)::integer AS Removed FROM removed;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
