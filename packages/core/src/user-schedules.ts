import { nextRoutineRun } from "./routines.ts";

/**
 * The schedules every user has (issue 19): the weekly report, the daily consistency score and the weekly
 * story. Each is one `reminder_schedules` row per user, in the queue its work lands in, under a job id
 * naming user and kind (unique per queue), with a cron cadence read in the user's profile timezone.
 */
export const USER_SCHEDULE_KINDS = ["REPORT", "CONSISTENCY", "STORY"] as const;
export type TUserScheduleKind = (typeof USER_SCHEDULE_KINDS)[number];

/** When a user schedule runs: an ISO weekday (1 = Monday … 7 = Sunday; null = every day) at a local hour. */
export type TUserCadence = { weekday: number | null; hour: number };

type TDefinition = { queueName: "reports" | "metrics" | "stories"; cadence: TUserCadence; payload: object };

/**
 * Weekly report on Monday morning (last week, up to the start of Monday), scores just after local
 * midnight (the day that ended), the story of last week on Monday morning before the report.
 */
export const USER_SCHEDULES: Record<TUserScheduleKind, TDefinition> = {
  REPORT: { queueName: "reports", cadence: { weekday: 1, hour: 8 }, payload: { type: "SEVEN_DAY" } },
  CONSISTENCY: { queueName: "metrics", cadence: { weekday: null, hour: 1 }, payload: {} },
  STORY: { queueName: "stories", cadence: { weekday: 1, hour: 7 }, payload: { kind: "week" } },
};

/** The row's job id: one row per user and kind (the seed's weekly report row uses the same form). */
export const userScheduleJobId = (kind: TUserScheduleKind, userId: string) =>
  kind === "REPORT"
    ? `report.${userId}.SEVEN_DAY`
    : kind === "STORY"
      ? `story.${userId}.week`
      : `consistency.${userId}`;

/** The cadence as the 5-field cron expression stored in `cadence` (cron counts Sunday as 0). */
export const cadenceCron = ({ weekday, hour }: TUserCadence) => `0 ${hour} * * ${weekday === null ? "*" : weekday % 7}`;

const CRON = /^0 (\d{1,2}) \* \* (\*|[0-6])$/;

/**
 * A stored cadence read back; null for a cron expression this form cannot say (a row written by hand),
 * which the worker then runs at its kind's default cadence.
 */
export const parseCadence = (cron: string | null): TUserCadence | null => {
  const match = cron ? CRON.exec(cron) : null;
  if (!match) return null;
  const hour = Number(match[1]);
  if (hour > 23) return null;
  return { hour, weekday: match[2] === "*" ? null : Number(match[2]) || 7 };
};

/** A schedule row's cadence: the stored one, or its kind's default when the stored one cannot be read. */
export const scheduleCadence = (kind: TUserScheduleKind, cron: string | null): TUserCadence =>
  parseCadence(cron) ?? USER_SCHEDULES[kind].cadence;

/**
 * The first run strictly after `after`, in `timezone`: the local hour is kept across daylight-saving
 * changes (as routines keep theirs), an hour a spring-forward skips runs just after the jump.
 */
export const nextUserScheduleRun = (cadence: TUserCadence, timezone: string, after: Date): Date =>
  nextRoutineRun(
    {
      days: cadence.weekday === null ? [1, 2, 3, 4, 5, 6, 7] : [cadence.weekday],
      time: `${String(cadence.hour).padStart(2, "0")}:00`,
    },
    timezone,
    after,
  );

/** The rows a user gets, ACTIVE, each due at its next run after `now` in `timezone`. */
export const defaultUserSchedules = (userId: string, timezone: string, now: Date) =>
  USER_SCHEDULE_KINDS.map((kind) => {
    const { queueName, cadence, payload } = USER_SCHEDULES[kind];
    return {
      userId,
      kind,
      queueName,
      jobId: userScheduleJobId(kind, userId),
      cadence: cadenceCron(cadence),
      payload,
      nextRunAt: nextUserScheduleRun(cadence, timezone, now),
    };
  });
