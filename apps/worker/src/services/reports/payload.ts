import type { TReportPayload } from "@cto/contracts/api/reports";
import { daysBetween, localDay } from "@cto/core/local-days";
import type { Db } from "@cto/db/client";

import { adherenceNotes, scoreAdherence } from "../consistency/adherence.ts";

const VALENCE = { POSITIVE: 1, NEUTRAL: 0, NEGATIVE: -1 } as const;
const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) =>
  values.length ? round2(values.reduce((sum, value) => sum + value, 0) / values.length) : null;

/** Least-squares slope of (day index, value) pairs, per day; null below two points. */
const slope = (points: Array<[number, number]>) => {
  if (points.length < 2) return null;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx ? round2(points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / sxx) : null;
};
const trendOf = (perDay: number | null) =>
  perDay === null ? "unknown" : perDay > 0.1 ? "rising" : perDay < -0.1 ? "falling" : "steady";

/** The dashboard payload of one report: everything counted in the user's local days of [start, end). */
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
  const days = daysBetween(start, end, timezone);
  const dayOf = (at: Date) => localDay(at, timezone);
  const group = <T>(rows: T[], at: (row: T) => Date | null) => {
    const byDay = new Map<string, T[]>();
    for (const row of rows) {
      const when = at(row);
      if (when) byDay.set(dayOf(when), [...(byDay.get(dayOf(when)) ?? []), row]);
    }
    return byDay;
  };
  const emotionDays = group(emotions, (row) => row.recordedAt);
  const energyDays = group(energy, (row) => row.recordedAt);
  const completedDays = group(doneCommitments, (row) =>
    row.completedAt && row.completedAt >= start && row.completedAt < end ? row.completedAt : null,
  );
  const skippedDays = group(doneCommitments, (row) =>
    row.skippedAt && row.skippedAt >= start && row.skippedAt < end ? row.skippedAt : null,
  );
  const energyDaily = days.map((date) => ({
    date,
    count: energyDays.get(date)?.length ?? 0,
    average: mean((energyDays.get(date) ?? []).map((row) => row.level)),
  }));
  const energySlope = slope(
    energyDaily.flatMap((day, index) => (day.average === null ? [] : [[index, day.average] as [number, number]])),
  );
  const labels = new Map<string, number>();
  for (const { label } of emotions) labels.set(label, (labels.get(label) ?? 0) + 1);
  const adherence = scoreAdherence(dueCommitments);
  return {
    version: 1,
    period: { start: start.getTime(), end: end.getTime(), days: days.length, timezone },
    emotions: {
      points: emotions.map((row) => ({
        at: row.recordedAt.getTime(),
        label: row.label,
        valence: row.valence.toLowerCase() as "positive",
        intensity: row.intensity,
      })),
      daily: days.map((date) => {
        const rows = emotionDays.get(date) ?? [];
        return {
          date,
          count: rows.length,
          valence: mean(rows.map((row) => VALENCE[row.valence])),
          intensity: mean(rows.map((row) => row.intensity)),
        };
      }),
      topLabels: [...labels]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([label, count]) => ({ label, count })),
    },
    energy: {
      points: energy.map((row) => ({ at: row.recordedAt.getTime(), level: row.level })),
      daily: energyDaily,
      average: mean(energy.map((row) => row.level)),
      slopePerDay: energySlope,
      trend: trendOf(energySlope),
    },
    commitments: {
      due: adherence.due,
      completed: adherence.onTime + adherence.late,
      skipped: adherence.skipped,
      open: adherence.open,
      completionRate: adherence.due ? round2((adherence.onTime + adherence.late) / adherence.due) : null,
      daily: days.map((date) => ({
        date,
        completed: completedDays.get(date)?.length ?? 0,
        skipped: skippedDays.get(date)?.length ?? 0,
      })),
    },
    consistency: {
      score: adherence.score,
      windowDays: days.length,
      notes: adherence.due ? adherenceNotes(adherence, days.length, null) : null,
    },
    insights: insights.map((row) => ({
      id: row.id,
      title: row.title,
      content: row.content,
      createdAt: row.createdAt.getTime(),
    })),
    goals: goals.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status.toLowerCase() as "active",
      progress: row.progress,
      deadline: row.deadline?.getTime() ?? null,
      completedInPeriod: Boolean(row.completedAt && row.completedAt >= start && row.completedAt < end),
    })),
  };
};
