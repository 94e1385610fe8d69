-- Least privilege for the running service (docs/security.md, "The database enforces append-only").
--
-- The schema belongs to the role that runs the migrations. The Host connects as a login that is a
-- member of the group role collab_runtime and has only what its statements need: it can append to
-- and read the ledger and the audit log, never update, delete, truncate or alter them, and cannot
-- switch their triggers off, because only a table's owner (or a superuser) can.
--
-- collab_runtime is created here when it does not exist yet, which needs CREATEROLE; where the
-- migrator has no such right (a managed PostgreSQL), an administrator creates it once beforehand
-- (CREATE ROLE collab_runtime NOLOGIN) and makes the runtime login a member.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'collab_runtime') THEN
        CREATE ROLE collab_runtime NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the role collab_runtime does not exist and % may not create it', current_user
            USING HINT = 'As an administrator run CREATE ROLE collab_runtime NOLOGIN; GRANT collab_runtime TO <the Host''s login>; then migrate again.';
    WHEN duplicate_object OR unique_violation THEN
        -- Created at the same moment by a migration of another database on the same server.
        NULL;
END;
$$;

-- Start from nothing, so that re-running the script cannot leave a wider grant behind.
REVOKE ALL ON collab_ledger, collab_audit, collab_partnerships, collab_programs, collab_schema_migrations,
              orleansquery, orleans_membership_version, orleans_membership, orleans_grain_state, orleans_reminder
    FROM PUBLIC, collab_runtime;

GRANT USAGE ON SCHEMA public TO collab_runtime;

-- History: append and read only.
GRANT SELECT, INSERT ON collab_ledger, collab_audit TO collab_runtime;

-- Read models: written with INSERT ... ON CONFLICT DO UPDATE in the ledger's transaction.
GRANT SELECT, INSERT, UPDATE ON collab_partnerships, collab_programs TO collab_runtime;

-- Which migrations are applied: a Host started with migrate-on-start checks it with its own login.
GRANT SELECT ON collab_schema_migrations TO collab_runtime;

-- Orleans ADO.NET providers: the statement catalogue is read once at silo start; membership, grain
-- state and reminders are read, inserted, updated and deleted by the statements of 0002-0004.
GRANT SELECT ON orleansquery TO collab_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON orleans_membership_version, orleans_membership, orleans_grain_state, orleans_reminder
    TO collab_runtime;

-- The audit log already refuses TRUNCATE (0009); so does the ledger now, even for its owner.
DROP TRIGGER IF EXISTS collab_ledger_no_truncate ON collab_ledger;
CREATE TRIGGER collab_ledger_no_truncate
    BEFORE TRUNCATE ON collab_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION collab_ledger_refuse_change();
