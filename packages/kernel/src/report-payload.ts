import { type TDueCommitment, adherenceNotes, scoreAdherence } from "./adherence.ts";
import { daysBetween, localDay } from "./local-days.ts";

// A report's payload (the `version: 1` shape of @cto/contracts/api/reports) from the rows of its
// period: the worker counts the rows it reads, the demo seed of @cto/db the rows it writes, so the two
// cannot disagree.

type TValence = "POSITIVE" | "NEUTRAL" | "NEGATIVE";
type TGoalStatus = "ACTIVE" | "COMPLETED" | "ARCHIVED";

/**
 * The rows a report counts. Each list may hold rows outside the period (they are left out), so a
 * caller may pass all it has: `due` are commitments that may have fallen due in it, `done` those
 * that may have been completed or skipped in it.
 */
export type TReportRows = {
  emotions: { recordedAt: Date; label: string; valence: TValence; intensity: number }[];
  energy: { recordedAt: Date; level: number }[];
  due: TDueCommitment[];
  done: { completedAt?: Date | null; skippedAt?: Date | null }[];
  insights: { id: string; title: string | null; content: string; createdAt: Date }[];
  goals: {
    id: string;
    title: string;
    status: TGoalStatus;
    progress: number;
    deadline?: Date | null;
    completedAt?: Date | null;
  }[];
};

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
const trendOf = (perDay: number | null): "rising" | "falling" | "steady" | "unknown" =>
  perDay === null ? "unknown" : perDay > 0.1 ? "rising" : perDay < -0.1 ? "falling" : "steady";

const byTime =
  <T>(at: (row: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime();

/** The dashboard payload of one report: everything counted in the local days of [start, end) in `timezone`. */
export const reportPayload = (rows: TReportRows, start: Date, end: Date, timezone: string) => {
  const inside = (at: Date | null | undefined): at is Date => Boolean(at && at >= start && at < end);
  const days = daysBetween(start, end, timezone);
  const group = <T>(items: T[], at: (item: T) => Date | null | undefined) => {
    const byDay = new Map<string, T[]>();
    for (const item of items) {
      const when = at(item);
      if (inside(when)) byDay.set(localDay(when, timezone), [...(byDay.get(localDay(when, timezone)) ?? []), item]);
    }
    return byDay;
  };
  const emotions = rows.emotions.filter((row) => inside(row.recordedAt)).sort(byTime((row) => row.recordedAt));
  const energy = rows.energy.filter((row) => inside(row.recordedAt)).sort(byTime((row) => row.recordedAt));
  const emotionDays = group(emotions, (row) => row.recordedAt);
  const energyDays = group(energy, (row) => row.recordedAt);
  const completedDays = group(rows.done, (row) => row.completedAt);
  const skippedDays = group(rows.done, (row) => row.skippedAt);
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
  const adherence = scoreAdherence(rows.due.filter((row) => inside(row.dueAt)));
  return {
    version: 1 as const,
    period: { start: start.getTime(), end: end.getTime(), days: days.length, timezone },
    emotions: {
      points: emotions.map((row) => ({
        at: row.recordedAt.getTime(),
        label: row.label,
        valence: row.valence.toLowerCase() as Lowercase<TValence>,
        intensity: row.intensity,
      })),
      daily: days.map((date) => {
        const list = emotionDays.get(date) ?? [];
        return {
          date,
          count: list.length,
          valence: mean(list.map((row) => VALENCE[row.valence])),
          intensity: mean(list.map((row) => row.intensity)),
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
    insights: rows.insights
      .filter((row) => inside(row.createdAt))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 5)
      .map((row) => ({ id: row.id, title: row.title, content: row.content, createdAt: row.createdAt.getTime() })),
    goals: rows.goals
      .filter((row) => row.status === "ACTIVE" || inside(row.completedAt))
      .map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status.toLowerCase() as Lowercase<TGoalStatus>,
        progress: row.progress,
        deadline: row.deadline?.getTime() ?? null,
        completedInPeriod: inside(row.completedAt),
      })),
  };
};
