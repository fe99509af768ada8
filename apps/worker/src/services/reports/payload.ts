import type { TReportPayload } from "@cto/contracts/api/reports";
import type { Db } from "@cto/db/client";
import { reportPayload } from "@cto/kernel/report-payload";

/** The dashboard payload of one report: the user's rows of [start, end), counted in their local days. */
export const buildReportPayload = async ({
  db,
  userId,
  start,
  end,
  timezone,
}: {
  db: Db;
  userId: string;
  start: Date;
  end: Date;
  timezone: string;
}): Promise<TReportPayload> => {
  const within = { gte: start, lt: end };
  const [emotions, energy, dueCommitments, doneCommitments, insights, goals] = await Promise.all([
    db.emotion.findMany({
      where: { userId, recordedAt: within },
      orderBy: { recordedAt: "asc" },
      select: { recordedAt: true, label: true, valence: true, intensity: true },
    }),
    db.energyMetric.findMany({
      where: { userId, recordedAt: within },
      orderBy: { recordedAt: "asc" },
      select: { recordedAt: true, level: true },
    }),
    db.commitment.findMany({
      where: { userId, dueAt: within },
      select: { status: true, dueAt: true, completedAt: true },
    }),
    db.commitment.findMany({
      where: { userId, OR: [{ completedAt: within }, { skippedAt: within }] },
      select: { completedAt: true, skippedAt: true },
    }),
    db.insight.findMany({
      where: { userId, createdAt: within },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, content: true, createdAt: true },
    }),
    db.goal.findMany({
      where: { userId, OR: [{ status: "ACTIVE" }, { completedAt: within }] },
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      take: 20,
      select: { id: true, title: true, status: true, progress: true, deadline: true, completedAt: true },
    }),
  ]);
  return reportPayload(
    { emotions, energy, due: dueCommitments, done: doneCommitments, insights, goals },
    start,
    end,
    timezone,
  );
};
