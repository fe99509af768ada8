import { z } from "zod";

import { zText } from "../values.ts";
import { ZSessionSchema } from "./auth.ts";

/** The codes a challenge or a step-up accepts (a passkey is proven by its own routes: api/passkeys.ts). */
export const ZSecondFactorMethodSchema = z.enum(["totp", "recovery_code"]);
export type TSecondFactorMethod = z.infer<typeof ZSecondFactorMethodSchema>;

/** The second factors a sign-in's second step offers: codes, and `passkey` beside them when the account has one. */
export const ZSignInFactorSchema = z.enum(["totp", "recovery_code", "passkey"]);
export type TSignInFactor = z.infer<typeof ZSignInFactorSchema>;

/** How a session was signed in (the Sessions list); null for sessions from before it was recorded. */
export const ZSignInMethodSchema = z.enum([
  "password",
  "password_totp",
  "password_recovery_code",
  "provider",
  "provider_totp",
  "provider_recovery_code",
  "passkey",
  "password_passkey",
  "provider_passkey",
]);

/** A second factor: a 6-digit authenticator code, or one of the recovery codes (dashes and case ignored). */
export const ZSecondFactorProofSchema = z.object({
  method: ZSecondFactorMethodSchema.default("totp"),
  code: zText().trim().min(1, "Enter the code.").max(64),
});
export type TSecondFactorProof = z.input<typeof ZSecondFactorProofSchema>;

/** POST /auth/sign-in answers this (202) instead of a session when the account has two-factor on. */
export const ZSignInChallengeSchema = z.object({
  status: z.literal("second_factor_required"),
  challengeToken: z
    .string()
    .describe("Single use; send it with a code to POST /auth/sign-in/second-factor, or with a passkey's answer"),
  methods: z.array(ZSignInFactorSchema),
  expiresAt: z.number().int().describe("Unix ms; after it, sign in with the password again"),
});
export type TSignInChallenge = z.infer<typeof ZSignInChallengeSchema>;

export const ZCompleteSignInSchema = ZSecondFactorProofSchema.extend({
  challengeToken: zText().min(20).max(200),
});
export type TCompleteSignIn = z.input<typeof ZCompleteSignInSchema>;
export const ZCompletedSignInSchema = ZSessionSchema;

/** GET /auth/two-factor: where the account stands. */
export const ZTwoFactorStatusSchema = z.object({
  totp: z.enum(["off", "enrolling", "on"]),
  enabledAt: z.number().int().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** How many passkeys the account has: with two-factor on, each is a second factor too. */
  passkeys: z.number().int(),
  /** Until when this session may take sensitive actions without another code (null: it must prove one first). */
  stepUpUntil: z.number().int().nullable(),
});
export type TTwoFactorStatus = z.infer<typeof ZTwoFactorStatusSchema>;

/** POST /auth/two-factor/totp: a new secret to put in an authenticator app, then confirm with a code. */
export const ZTotpEnrolmentSchema = z.object({
  secret: z.string().describe("Base32, for typing into an authenticator app"),
  otpauthUri: z.string().describe("otpauth://totp/… for a QR code"),
});

export const ZConfirmTotpSchema = z.object({ code: zText().trim().min(1, "Enter the code.").max(64) });

/** Recovery codes, in full, shown this once (only their digests are kept). */
export const ZRecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const ZStepUpSchema = z.object({ stepUpUntil: z.number().int() });
