import { z } from "zod";

import { ZClockSchema, ZTimezoneSchema } from "@cto/contracts/time";

/**
 * The parts of `User.preferences` reminders read (the seed's shape:
 * `{ timezone: "Europe/Berlin", workingHours: { start: "09:00", end: "17:30" }, notificationPrefs: { telegram, inApp } }`).
 * Each part is read on its own: a malformed one falls back to its default instead of losing the reminder.
 */
export type TReminderPreferences = {
  timezone: string;
  workingHours: { start: number; end: number } | null;
  telegram: boolean;
  inApp: boolean;
};

// Minutes after midnight, for comparing with the local time.
const ZClockMinutesSchema = ZClockSchema.transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3)));
const ZWorkingHoursSchema = z
  .object({ start: ZClockMinutesSchema, end: ZClockMinutesSchema })
  .refine((hours) => hours.start !== hours.end);

export const readReminderPreferences = (preferences: unknown): TReminderPreferences => {
  const value = (preferences && typeof preferences === "object" ? preferences : {}) as Record<string, unknown>;
  const notify = (
    value.notificationPrefs && typeof value.notificationPrefs === "object" ? value.notificationPrefs : {}
  ) as Record<string, unknown>;
  return {
    timezone: ZTimezoneSchema.safeParse(value.timezone).data ?? "UTC",
    workingHours: ZWorkingHoursSchema.safeParse(value.workingHours).data ?? null,
    telegram: notify.telegram !== false,
    inApp: notify.inApp !== false,
  };
};

const formatters = new Map<string, Intl.DateTimeFormat>();
const partsIn = (at: Date, timezone: string) => {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
};

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
const offsetAt = (at: number, timezone: string) => {
  const p = partsIn(new Date(at), timezone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
};

/** The instant a local wall-clock time happens in `timezone`; a time skipped by a DST jump lands just after the jump. */
const zonedInstant = (year: number, month: number, day: number, minuteOfDay: number, timezone: string) => {
  const wall = Date.UTC(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const first = wall - offsetAt(wall, timezone);
  return wall - offsetAt(first, timezone);
};

/**
 * When a reminder due at `at` is delivered: at `at` itself when it falls inside the user's working
 * hours (in their timezone) or they set none; otherwise at the next start of their working hours.
 * Hours may wrap midnight (start 22:00, end 06:00). The end is exclusive: 17:30 sharp is outside.
 */
export const deliveryTime = (
  at: Date,
  { timezone, workingHours }: Pick<TReminderPreferences, "timezone" | "workingHours">,
): Date => {
  if (!workingHours) return at;
  const { start, end } = workingHours;
  const local = partsIn(at, timezone);
  const minute = local.hour * 60 + local.minute;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (inside) return at;
  // Outside: the next start is later today unless today's start has passed (only possible when start < end).
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const startDay = new Date(start < end && minute >= end ? today + 86_400_000 : today);
  return new Date(
    zonedInstant(startDay.getUTCFullYear(), startDay.getUTCMonth() + 1, startDay.getUTCDate(), start, timezone),
  );
};
