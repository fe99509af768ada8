import { REPORT_DAYS } from "@cto/contracts/api/reports";
import type { ReportType } from "@cto/db/client";

import { addDays, localDay, localMidnight } from "./local-days.ts";

/**
 * A report's period from its end: the `days` local days whose last one contains the instant just
 * before `periodEnd`. A scheduled report ends at local midnight (the days before today); one asked
 * for on demand ends now and includes today so far — and both share a start, so the next
 * scheduled run completes the on-demand report of the same period instead of adding another.
 */
export const reportPeriod = (type: ReportType, periodEnd: Date, timezone: string) => {
  const lastDay = localDay(new Date(periodEnd.getTime() - 1), timezone);
  return {
    start: localMidnight(addDays(lastDay, 1 - REPORT_DAYS[type]), timezone),
    end: periodEnd,
    days: REPORT_DAYS[type],
  };
};

/** The end of a scheduled report made at `now`: the start of the user's today. */
export const scheduledPeriodEnd = (now: Date, timezone: string) => localMidnight(localDay(now, timezone), timezone);

const MINUTE_MS = 60_000;

/** The end of a report asked for at `now` (the API's on-demand reports): the minute, so repeats within it are one job. */
export const onDemandPeriodEnd = (now: number) => Math.floor(now / MINUTE_MS) * MINUTE_MS;
