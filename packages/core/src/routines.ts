import { CronExpressionParser } from "cron-parser";

import { readReminderPreferences } from "./working-hours.ts";

/** When a routine runs: ISO days of the week (1 = Monday … 7 = Sunday) at a local `HH:MM`. */
export type TRoutineSchedule = { days: number[]; time: string };

/** The schedule as a 5-field cron expression (cron counts Sunday as 0). */
export const routineCron = ({ days, time }: TRoutineSchedule) => {
  const [hour, minute] = time.split(":").map(Number);
  const weekdays = [...new Set(days.map((day) => day % 7))].sort((a, b) => a - b);
  return `${minute} ${hour} * * ${weekdays.join(",")}`;
};

/**
 * The first occurrence strictly after `after`, read in `timezone` by cron-parser, so an offset change
 * between two runs keeps the local time (Monday 09:00 stays 09:00 across DST). A time a spring-forward
 * skips runs just after the jump (02:30 → 03:30); one a fall-back repeats runs once, at its first instant.
 * The user's working hours do not move it: a time the user chose for a routine is their choice.
 */
export const nextRoutineRun = (schedule: TRoutineSchedule, timezone: string, after: Date): Date =>
  CronExpressionParser.parse(routineCron(schedule), { currentDate: after, tz: timezone }).next().toDate();

/** The timezone a routine is read in: its own, or else the one in the user's preferences (UTC when unset). */
export const routineTimezone = (routine: { timezone: string | null }, preferences: unknown) =>
  routine.timezone ?? readReminderPreferences(preferences).timezone;
