-- Passkeys (issue 18 §2): sign in with a passkey alone, or use one as the second factor after a
-- password or an identity provider; the Sessions list says which.
ALTER TYPE "sign_in_method" ADD VALUE 'PASSKEY';
ALTER TYPE "sign_in_method" ADD VALUE 'PASSWORD_PASSKEY';
ALTER TYPE "sign_in_method" ADD VALUE 'PROVIDER_PASSKEY';

-- A passkey's name in Settings, and when it last signed in (Auth.js ignores both).
ALTER TABLE "authenticators" ADD COLUMN "name" VARCHAR(60);
ALTER TABLE "authenticators" ADD COLUMN "last_used_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "passkey_challenges" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "challenge_hash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "user_id" UUID,
    "session_id" UUID,
    "sign_in_challenge_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "passkey_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "passkey_challenges_challenge_hash_key" ON "passkey_challenges"("challenge_hash");

-- CreateIndex
CREATE INDEX "passkey_challenges_expires_at_idx" ON "passkey_challenges"("expires_at");

-- AddForeignKey
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey_challenges" ADD CONSTRAINT "passkey_challenges_sign_in_challenge_id_fkey" FOREIGN KEY ("sign_in_challenge_id") REFERENCES "sign_in_challenges"("id") ON DELETE CASCADE ON UPDATE CASCADE;
