import { userTimezone } from "@cto/core/local-days";
import { reportPeriod, scheduledPeriodEnd } from "@cto/core/report-periods";
import type { Db, ReportType } from "@cto/db/client";

import { activeUsers } from "../consistency/active-users.ts";

/**
 * Active users whose report of `type` is due at `now`: the period ending at the start of their today
 * has no complete report yet (an on-demand report of the same period is completed, not duplicated).
 * Daily runs therefore give each user one report per 2, 7 or 21 days… per period start; a user whose
 * last report is younger than the period is skipped, so periods do not overlap. A user who paused their
 * report schedule (PATCH /schedules/{id}) gets no scheduled report of any length.
 */
export async function* dueReports(
  db: Db,
  type: ReportType,
  now: Date,
): AsyncGenerator<{ userId: string; periodEnd: Date }> {
  for await (const user of activeUsers(db, now, { unlessPaused: "REPORT" })) {
    const timezone = userTimezone(user.preferences);
    const periodEnd = scheduledPeriodEnd(now, timezone);
    const { start } = reportPeriod(type, periodEnd, timezone);
    // A first report waits until the account is as old as its period: no 21-day report of one day.
    if (user.createdAt > start) continue;
    const latest = await db.report.findFirst({
      where: { userId: user.id, type, periodEnd: { lte: periodEnd } },
      orderBy: { periodEnd: "desc" },
      select: { periodStart: true, periodEnd: true },
    });
    if (latest) {
      const sameStart = latest.periodStart.getTime() === start.getTime();
      // Done already, or the last report still covers part of this period (not due yet).
      if (sameStart ? latest.periodEnd.getTime() >= periodEnd.getTime() : latest.periodEnd.getTime() > start.getTime())
        continue;
    }
    yield { userId: user.id, periodEnd };
  }
}
