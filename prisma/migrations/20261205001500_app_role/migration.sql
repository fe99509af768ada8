-- Hand-written: cto_app, the least-privileged role the application runs as. Migrations run as the role
-- that owns the tables; the app reads and writes rows as cto_app and can do nothing else: no DDL, no
-- ALTER TABLE … DISABLE TRIGGER, no TRUNCATE, no DROP (all need ownership), no UPDATE or DELETE on the
-- append-only audit log, no change to an agent assumption beyond its verification fields. Deleting a
-- user still removes their audit rows: foreign-key cascades run as the referencing table's owner.
--
-- How the app becomes cto_app (packages/db/README.md, "Roles"): @cto/db's client asks for
-- `-c role=cto_app` at connect (DATABASE_ROLE), which works when the connecting user is cto_app itself
-- (production: `ALTER ROLE cto_app LOGIN PASSWORD …` and a DATABASE_URL naming it), a member of it, or
-- the owner (granted membership below).
--
-- Roles belong to the whole cluster, not to one database: several databases (test databases, staging
-- and production on one server) share cto_app, and may migrate at the same moment. Creating it is
-- therefore idempotent and tolerates a concurrent creation. The grants are per database.
-- Without the privilege to create roles (some managed servers), the migration warns and skips; create
-- the role as an administrator (`CREATE ROLE cto_app NOLOGIN`), then run `SELECT cto_grant_app_role();`
-- as the owner.

-- Creates a NOLOGIN role unless it exists; true when it exists afterwards. Tolerates another session
-- creating it at the same moment (it waits for that session, then finds the name taken).
CREATE OR REPLACE FUNCTION cto_ensure_role(p_role name) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
    RETURN true;
  END IF;
  BEGIN
    EXECUTE format('CREATE ROLE %I NOLOGIN', p_role);
  EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
    WHEN insufficient_privilege THEN
      RAISE WARNING '% was not created (%): create it as an administrator (CREATE ROLE % NOLOGIN), then run SELECT cto_grant_app_role(); as %', p_role, SQLERRM, p_role, current_user;
      RETURN false;
  END;
  RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION cto_grant_app_role() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT cto_ensure_role('cto_app') THEN
    RETURN;
  END IF;

  -- The owner may switch to cto_app (SET ROLE, or `-c role=cto_app` at connect) when the app shares its
  -- login. Superusers need no membership.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, 'cto_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT cto_app TO %I', current_user);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'could not make % a member of cto_app (%): the app then needs a login of its own (DATABASE_URL as cto_app)', current_user, SQLERRM;
    END;
  END IF;

  GRANT USAGE ON SCHEMA public TO cto_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cto_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cto_app;
  -- Tables later migrations create (as this owner) come with the same rights.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cto_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cto_app;

  -- The append-only audit log: read and append only. (Its triggers refuse changes to anyone; these
  -- grants mean the app cannot even try, and cannot switch the triggers off.)
  REVOKE UPDATE, DELETE ON audit_logs FROM cto_app;
  REVOKE UPDATE, DELETE ON agent_assumptions FROM cto_app;
  GRANT UPDATE (verified, verified_at, verified_by, correction) ON agent_assumptions TO cto_app;
  -- Migration history is the owner's; the app may read it. (Absent where a script is applied by hand.)
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON _prisma_migrations FROM cto_app;
    GRANT SELECT ON _prisma_migrations TO cto_app;
  END IF;
END
$$;

-- Only the owner runs them (creating roles and granting need the owner's rights anyway).
REVOKE ALL ON FUNCTION cto_ensure_role(name) FROM PUBLIC;
REVOKE ALL ON FUNCTION cto_grant_app_role() FROM PUBLIC;

SELECT cto_grant_app_role();
