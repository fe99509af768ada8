import { z } from "zod";

import { ZClockSchema } from "@cto/contracts/time";
import { deliveryTime, readReminderPreferences, type TReminderPreferences } from "@cto/core/working-hours";
import { mailLocaleOf, type TMailLocale } from "@cto/mail/templates";

/**
 * What the nudges read from `User.preferences`: the reminders' timezone and working hours, the language
 * (`locale`, the web app's; English when unset), and
 * `coachNudges` ({ enabled, maxPerDay, quietHours, channels }). `channels.inApp` and `.telegram` fall back
 * to the reminders' `notificationPrefs`; `channels.email` is off unless turned on. A malformed part falls
 * back to its default, as for reminders.
 */
export type TNudgePreferences = TReminderPreferences & {
  locale: TMailLocale;
  email: boolean;
  enabled: boolean;
  maxPerDay: number;
  quietHours: { start: number; end: number } | null;
};

export const DEFAULT_MAX_PER_DAY = 2;

const ZMinutesSchema = ZClockSchema.transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3)));
const ZQuietHoursSchema = z
  .object({ start: ZMinutesSchema, end: ZMinutesSchema })
  .refine((hours) => hours.start !== hours.end);

const objectOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const readNudgePreferences = (preferences: unknown): TNudgePreferences => {
  const stored = objectOf(preferences);
  const nudges = objectOf(stored.coachNudges);
  const channels = objectOf(nudges.channels);
  const reminders = readReminderPreferences(preferences);
  return {
    ...reminders,
    locale: mailLocaleOf(preferences),
    inApp: typeof channels.inApp === "boolean" ? channels.inApp : reminders.inApp,
    telegram: typeof channels.telegram === "boolean" ? channels.telegram : reminders.telegram,
    email: channels.email === true,
    enabled: nudges.enabled !== false,
    maxPerDay: z.number().int().min(1).max(10).safeParse(nudges.maxPerDay).data ?? DEFAULT_MAX_PER_DAY,
    quietHours: ZQuietHoursSchema.safeParse(nudges.quietHours).data ?? null,
  };
};

/**
 * Whether `at` is a time to nudge: inside the working hours (or none set) and outside the quiet hours.
 * Outside, nothing is written: what a nudge is about is read afresh each run, so it waits for a later one.
 */
export const isNudgeTime = (at: Date, preferences: TNudgePreferences) => {
  if (deliveryTime(at, preferences).getTime() !== at.getTime()) return false;
  const { quietHours } = preferences;
  if (!quietHours) return true;
  // Outside the quiet hours is a window from their end to their start.
  const awake = { start: quietHours.end, end: quietHours.start };
  return deliveryTime(at, { timezone: preferences.timezone, workingHours: awake }).getTime() === at.getTime();
};
