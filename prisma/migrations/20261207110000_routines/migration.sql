-- User-defined routines (issue 19): a prompt the worker runs on the user's schedule (prisma/schema/routines.prisma).
-- CreateTable
CREATE TABLE "routines" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "prompt" TEXT NOT NULL,
    "days" INTEGER[],
    "time" VARCHAR(5) NOT NULL,
    "timezone" VARCHAR(100),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "next_run_at" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "routines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "routines_user_id_created_at_idx" ON "routines"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "routines_next_run_at_idx" ON "routines"("next_run_at");

-- AddForeignKey
ALTER TABLE "routines" ADD CONSTRAINT "routines_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


