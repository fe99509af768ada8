-- Sign-in through an identity provider (issue 18 §1): the Sessions list says so, with the second factor if any.
ALTER TYPE "sign_in_method" ADD VALUE 'PROVIDER';
ALTER TYPE "sign_in_method" ADD VALUE 'PROVIDER_TOTP';
ALTER TYPE "sign_in_method" ADD VALUE 'PROVIDER_RECOVERY_CODE';

-- A two-factor challenge remembers whether its first step was a provider's sign-in.
ALTER TABLE "sign_in_challenges" ADD COLUMN "via_provider" BOOLEAN NOT NULL DEFAULT false;
