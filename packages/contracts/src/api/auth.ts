import { z } from "zod";

import { User } from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";

const ZEmailSchema = z.string().trim().toLowerCase().pipe(z.email()).describe("Email address; stored in lowercase");
// NIST SP 800-63B: at least 8 characters, long passphrases allowed; Cto asks for 10.
const ZPasswordSchema = z.string().min(10, "Use at least 10 characters.").max(256);

export const ZSignUpSchema = z.object({ email: ZEmailSchema, password: ZPasswordSchema, name: z.string().trim().min(1).max(120).optional() });
export type TSignUp = z.infer<typeof ZSignUpSchema>;

export const ZSignInSchema = z.object({ email: ZEmailSchema, password: z.string().min(1).max(256) });
export type TSignIn = z.infer<typeof ZSignInSchema>;

/** The signed-in user as the API shows it: everything but the password hash. */
export const ZUserSchema = apiRowSchema(User, { omit: ["passwordHash"] });
export type TUser = z.infer<typeof ZUserSchema>;

export const ZSessionSchema = z.object({ user: ZUserSchema, via: z.enum(["session", "api_key"]), expiresAt: z.number().int().nullable() });
export type TSession = z.infer<typeof ZSessionSchema>;

export const ZCreateApiKeySchema = z.object({ name: z.string().trim().min(1).max(100), expiresAt: z.number().int().positive().nullable().optional() });
export const ZApiKeySchema = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.number().int(), lastUsedAt: z.number().int().nullable(), expiresAt: z.number().int().nullable(), revokedAt: z.number().int().nullable() });
export const ZCreatedApiKeySchema = ZApiKeySchema.extend({ key: z.string().describe("The full key. Shown only in this response; store it now.") });

export const ZRequestPasswordResetSchema = z.object({ email: ZEmailSchema });
export const ZConfirmPasswordResetSchema = z.object({ token: z.string().min(20).max(200), password: ZPasswordSchema });
export const ZVerifyEmailSchema = z.object({ token: z.string().min(20).max(200) });
export const ZAcceptedSchema = z.object({ status: z.literal("accepted"), message: z.string() });

/** Today's AI generations (002's daily limit), reset at midnight UTC. */
export const ZGenerationQuotaSchema = z.object({ limit: z.number().int(), used: z.number().int(), remaining: z.number().int(), resetsAt: z.number().int() });
