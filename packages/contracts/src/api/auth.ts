import { z } from "zod";

import { ZExperienceLevelSchema } from "../enums.ts";
import { User } from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { ZClockSchema, ZTimezoneSchema } from "../time.ts";
import { zText, ZTimestampMsSchema, zUrl } from "../values.ts";

const ZEmailSchema = zText()
  .max(320)
  .trim()
  .toLowerCase()
  .pipe(z.email())
  .describe("Email address; stored in lowercase");
// NIST SP 800-63B: at least 8 characters, long passphrases allowed; Cto asks for 10.
const ZPasswordSchema = zText().min(10, "Use at least 10 characters.").max(256);

export const ZSignUpSchema = z.object({
  email: ZEmailSchema,
  password: ZPasswordSchema,
  name: zText().trim().min(1).max(120).optional(),
});
export type TSignUp = z.infer<typeof ZSignUpSchema>;

export const ZSignInSchema = z.object({ email: ZEmailSchema, password: zText().min(1).max(256) });
export type TSignIn = z.infer<typeof ZSignInSchema>;

/** The signed-in user as the API shows it: everything but the password hash. */
export const ZUserSchema = apiRowSchema(User, { omit: ["passwordHash"] });
export type TUser = z.infer<typeof ZUserSchema>;

const ZProfileTextSchema = (max: number) =>
  zText()
    .trim()
    .max(max)
    .transform((text) => text || null)
    .nullable();
const ZProfileListSchema = z
  .array(zText().trim().min(1, "Must not be blank").max(80))
  .max(30)
  .refine((items) => new Set(items.map((item) => item.toLowerCase())).size === items.length, "Must not repeat an item");

/**
 * Where the nudges go, each channel on or off. Unset: in-app and Telegram follow `notificationPrefs` (as
 * reminders do), email is off until the user turns it on (an email is the one channel that reaches
 * someone outside Cto, so nobody gets one they did not ask for). Each channel given replaces that one.
 */
export const ZNudgeChannelsSchema = z
  .object({ inApp: z.boolean(), telegram: z.boolean(), email: z.boolean() })
  .partial()
  .strict();
export type TNudgeChannels = z.infer<typeof ZNudgeChannelsSchema>;

/**
 * The coach's own nudges (missed check-ins, commitments at risk, deadlines due, streaks, new reports):
 * on or off, at most `maxPerDay` in any 24 hours, never inside `quietHours` (the user's local time;
 * may wrap midnight), on `channels`. Unset: on, 2 a day, no quiet hours, no email.
 */
export const ZCoachNudgesSchema = z
  .object({
    enabled: z.boolean(),
    channels: ZNudgeChannelsSchema,
    maxPerDay: z.number().int().min(1).max(10),
    quietHours: z
      .object({ start: ZClockSchema, end: ZClockSchema })
      .refine((hours) => hours.start !== hours.end, { message: "Start and end must differ.", path: ["end"] })
      .nullable()
      .describe("null: no quiet hours"),
  })
  .partial()
  .strict();
export type TCoachNudges = z.infer<typeof ZCoachNudgesSchema>;

/** The languages the web app is translated into; English is the default and the fallback. */
export const SUPPORTED_LOCALES = ["en", "de"] as const;
export const ZLocaleSchema = z.enum(SUPPORTED_LOCALES);
export type TLocale = z.infer<typeof ZLocaleSchema>;

/**
 * The preferences the platform reads (reminders use the timezone, working hours and channels). Each
 * part given replaces that part; parts left out, and keys Cto does not know, are kept as stored.
 */
export const ZPreferencesPatchSchema = z
  .object({
    timezone: ZTimezoneSchema,
    workingHours: z
      .object({ start: ZClockSchema, end: ZClockSchema })
      .refine((hours) => hours.start !== hours.end, { message: "Start and end must differ.", path: ["end"] })
      .nullable()
      .describe("null: reminders at any hour"),
    notificationPrefs: z.object({ inApp: z.boolean(), telegram: z.boolean() }).partial().strict(),
    coachNudges: ZCoachNudgesSchema,
    theme: z.enum(["system", "light", "dark"]),
    locale: ZLocaleSchema.nullable().describe("The app's language; null: follow the browser's languages"),
  })
  .partial()
  .strict();
export type TPreferencesPatch = z.input<typeof ZPreferencesPatchSchema>;

/**
 * PATCH /me: the profile and career fields (002) a user edits; fields left out stay as they are,
 * null clears. Identity (email, password, role) and counters (achievement score, generations) are
 * not editable here, and an unknown field is refused rather than ignored.
 */
export const ZUpdateProfileSchema = z
  .object({
    name: zText().trim().min(1, "Must not be blank").max(120).nullable(),
    image: zUrl({ protocol: /^https?$/ })
      .max(2000)
      .nullable(),
    currentRole: ZProfileTextSchema(120),
    experienceLevel: ZExperienceLevelSchema.nullable(),
    industry: ZProfileTextSchema(120),
    yearsOfExperience: z.number().int().min(0).max(80).nullable(),
    bio: ZProfileTextSchema(2000),
    currentSkills: ZProfileListSchema,
    targetSkills: ZProfileListSchema,
    currentGoals: ZProfileListSchema,
    preferences: ZPreferencesPatchSchema,
  })
  .partial()
  .strict();
export type TUpdateProfile = z.input<typeof ZUpdateProfileSchema>;

export const ZSessionSchema = z.object({
  user: ZUserSchema,
  via: z.enum(["session", "api_key"]),
  expiresAt: z.number().int().nullable(),
});
export type TSession = z.infer<typeof ZSessionSchema>;

export const ZCreateApiKeySchema = z.object({
  name: zText().trim().min(1).max(100),
  expiresAt: ZTimestampMsSchema.nullable().optional().describe("Unix ms in the future; null or absent: never expires"),
});
export const ZApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  expiresAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export const ZCreatedApiKeySchema = ZApiKeySchema.extend({
  key: z.string().describe("The full key. Shown only in this response; store it now."),
});

export const ZRequestPasswordResetSchema = z.object({ email: ZEmailSchema });
export const ZConfirmPasswordResetSchema = z.object({ token: zText().min(20).max(200), password: ZPasswordSchema });
export const ZVerifyEmailSchema = z.object({ token: zText().min(20).max(200) });
export const ZAcceptedSchema = z.object({ status: z.literal("accepted"), message: z.string() });

/** Today's AI generations (002's daily limit), reset at midnight UTC. */
export const ZGenerationQuotaSchema = z.object({
  limit: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  resetsAt: z.number().int(),
});
