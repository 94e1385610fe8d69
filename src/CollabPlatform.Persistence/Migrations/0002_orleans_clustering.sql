-- Cluster membership for Orleans.Clustering.AdoNet: which silos exist in a cluster and how alive they are.
--
-- Orleans keeps membership consistent with optimistic concurrency over the whole table of a cluster:
-- it reads all rows plus one version number, decides, and writes back naming the version it read
-- (@Version). A write succeeds only if that version is still current, and then moves the version on,
-- in the same transaction; otherwise it changes nothing and Orleans re-reads and tries again.
-- Orleans calls a cluster id a "deployment id" in this contract.

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text PRIMARY KEY,
    version       integer NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   text NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address         text NOT NULL,
    port            integer NOT NULL,
    generation      integer NOT NULL,
    silo_name       text NOT NULL,
    host_name       text NOT NULL,
    -- Orleans' SiloStatus as a number (3 = Active, 6 = Dead).
    status          integer NOT NULL,
    -- The gateway port clients connect to; 0 when the silo is no gateway.
    proxy_port      integer NULL,
    -- Written and parsed by Orleans only ("silo,time|silo,time").
    suspect_times   text NULL,
    -- Millisecond precision, as Orleans itself keeps these times.
    start_time      timestamptz(3) NOT NULL,
    i_am_alive_time timestamptz(3) NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Registers a silo. Returns 1 when it was added; 0 when the caller's version was stale or the silo
-- (address, port, generation) is already registered. A 0 leaves the tables exactly as they were.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_read_version    integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_current integer;
BEGIN
    -- Locking the version row first makes concurrent writers of one cluster queue here, and the
    -- comparison then sees the latest committed version, so the version only moves when the row
    -- really goes in (no undo needed).
    SELECT version INTO v_current
    FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id
    FOR UPDATE;

    IF NOT FOUND OR v_current IS DISTINCT FROM p_read_version THEN
        RETURN 0;
    END IF;

    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN 1;
END;
$$;

-- Changes a silo's status and suspicions. Same rules as orleans_membership_insert: 1 when done,
-- 0 (and nothing changed) when the version was stale or the silo is not registered.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_read_version    integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_current integer;
BEGIN
    SELECT version INTO v_current
    FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id
    FOR UPDATE;

    IF NOT FOUND OR v_current IS DISTINCT FROM p_read_version THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id
      AND address = p_address AND port = p_port AND generation = p_generation;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN 1;
END;
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- First silo of a cluster creates its version row; later ones find it. Orleans only logs the answer (1 = created).
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS Created FROM created;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS Succeeded;
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                 @SuspectTimes, @IAmAliveTime, @Version) AS Succeeded;
$q$),

-- Heartbeats deliberately bypass the version: they are frequent, carry no decision, and must never
-- make a concurrent status change fail.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- The version row comes back even when the silo has no row: Orleans needs the version to insert it.
('MembershipReadRowKey', $q$
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
       v.version AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime,
       v.version AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Clients use this to find gateways: active silos (@Status is Active) that accept client connections.
('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Housekeeping of silos that stopped heart-beating before @IAmAliveTime. An Active silo is never
-- removed for age alone: the membership protocol has to declare it dead first.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
