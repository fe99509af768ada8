import { z } from "zod";

/** One connected calendar (CalDAV or ICS) brought up to date with its upstream; on demand and by `schedule`. */
export const ZCalendarSyncJobSchema = z.object({ connectionId: z.string().uuid() });

/** Periodic: enqueues `sync` for every connected calendar whose last sync is older than `everyMs`. */
export const ZCalendarScheduleJobSchema = z.object({
  everyMs: z
    .number()
    .int()
    .min(60_000)
    .default(15 * 60_000),
});

export const CALENDAR_JOBS = { sync: ZCalendarSyncJobSchema, schedule: ZCalendarScheduleJobSchema } as const;
