-- Administrators' changes to accounts (GET/PATCH /admin/users): who changed which user, and the fields
-- before and after. The table is Prisma's (prisma/schema/admin.prisma); the append-only rule below is
-- hand-written, as for audit_logs in the init migration.

-- CreateTable
CREATE TABLE "admin_audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admin_audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_audit_logs_created_at_id_idx" ON "admin_audit_logs"("created_at", "id");

-- CreateIndex
CREATE INDEX "admin_audit_logs_target_id_created_at_idx" ON "admin_audit_logs"("target_id", "created_at");

-- Hand-written: append-only for everyone, with no exception (its rows name no foreign key, so no cascade
-- ever needs to remove one). Refusals raise 42501, as audit_logs' trigger does.
CREATE OR REPLACE FUNCTION admin_audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_audit_logs is append-only'
    USING ERRCODE = '42501',
          DETAIL = format('%s refused on admin_audit_logs', TG_OP);
END;
$$;

CREATE TRIGGER admin_audit_logs_append_only
  BEFORE UPDATE OR DELETE ON admin_audit_logs
  FOR EACH ROW EXECUTE FUNCTION admin_audit_logs_append_only();

CREATE TRIGGER admin_audit_logs_no_truncate
  BEFORE TRUNCATE ON admin_audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_logs_append_only();

-- The app's role (20261205001500_app_role) may read and append only, where that role exists.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cto_app') THEN
    REVOKE UPDATE, DELETE ON admin_audit_logs FROM cto_app;
  END IF;
END
$$;
