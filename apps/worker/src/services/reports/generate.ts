import type { TAiProvider } from "@cto/ai/provider";
import { userTimezone } from "@cto/core/local-days";
import { reportPeriod } from "@cto/core/report-periods";
import type { Db, ReportType } from "@cto/db/client";
import { upsertEmbedding } from "@cto/db/vector";

import { buildReportPayload } from "./payload.ts";
import { summarizeReport } from "./summary.ts";

export type TReportOutcome =
  | { status: "created" | "updated" | "unchanged"; reportId: string; periodStart: Date; periodEnd: Date }
  | { status: "no_user" };

const dayLabel = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: timezone, day: "numeric", month: "short" }).format(at);

/**
 * Writes (or completes) one user's report: one row per user, type and period start (the table's
 * unique key). A rerun for the same period end finds its report done and only makes sure it is
 * embedded, so a retried job neither duplicates the report nor pays for a second summary.
 */
export const generateReport = async ({
  db,
  ai,
  userId,
  type,
  periodEnd,
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  type: ReportType;
  periodEnd: Date;
}): Promise<TReportOutcome> => {
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  if (!user) return { status: "no_user" };
  const timezone = userTimezone(user.preferences);
  const { start, end, days } = reportPeriod(type, periodEnd, timezone);
  const key = { userId_type_periodStart: { userId, type, periodStart: start } };
  let report = await db.report.findUnique({ where: key });
  let status: "created" | "updated" | "unchanged" = "unchanged";
  if (!report?.summary || report.periodEnd.getTime() < end.getTime()) {
    // The aggregates tolerate the replicas' lag bound (and a user who just wrote reads the primary).
    const payload = await buildReportPayload({ db: db.$replica(), userId, start, end, timezone });
    const summary = await summarizeReport({ ai, payload, days });
    const title = `Your ${days}-day report, ${dayLabel(start, timezone)}–${dayLabel(new Date(end.getTime() - 1), timezone)}`;
    const data = { periodEnd: end, title, summary, payload };
    status = report ? "updated" : "created";
    report = await db.report.upsert({
      where: key,
      create: { userId, type, periodStart: start, ...data },
      update: data,
    });
  }
  // Recall: the summary joins the user's memory in the current embedding model's space.
  const content = `${report.title ?? "Report"}\n${report.summary ?? ""}`;
  await upsertEmbedding(db, {
    userId,
    ownerKind: "REPORT",
    ownerId: report.id,
    content,
    model: ai.embeddingModel,
    embed: async (text) => (await ai.embed([text])).vectors[0]!,
    metadata: { type, periodStart: start.getTime(), periodEnd: end.getTime() },
  });
  return { status, reportId: report.id, periodStart: start, periodEnd: end };
};
