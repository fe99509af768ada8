import { addDays, localDay, localMidnight } from "./context.ts";

// The demo reports' payloads, in the worker's `version: 1` shape (@cto/contracts/api/reports), counted
// from the very rows the seed writes, the way the worker counts them. The worker's tests check that
// its own report of the seeded data equals what is stored here, so the demo can never disagree.

type TEmotionRow = { recordedAt: Date; label: string; valence: "POSITIVE" | "NEUTRAL" | "NEGATIVE"; intensity: number };
type TEnergyRow = { recordedAt: Date; level: number };
type TCommitmentRow = { status: string; dueAt: Date | null; completedAt?: Date | null; skippedAt?: Date | null };
type TInsightRow = { id: string; title: string | null; content: string; createdAt: Date };
type TGoalRow = {
  id: string;
  title: string;
  status: "ACTIVE" | "COMPLETED" | "ARCHIVED";
  progress: number;
  deadline?: Date | null;
  completedAt?: Date | null;
};
export type TSeedRows = {
  emotions: TEmotionRow[];
  energy: TEnergyRow[];
  commitments: TCommitmentRow[];
  insights: TInsightRow[];
  goals: TGoalRow[];
};

const VALENCE = { POSITIVE: 1, NEUTRAL: 0, NEGATIVE: -1 } as const;
const LATE_GRACE_MS = 24 * 3_600_000;
const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) =>
  values.length ? round2(values.reduce((sum, value) => sum + value, 0) / values.length) : null;

const slope = (points: Array<[number, number]>) => {
  if (points.length < 2) return null;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx ? round2(points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / sxx) : null;
};

/** Adherence of the commitments due in a window: on time 1, more than a day late ½, skipped or open 0. */
export const seedAdherence = (due: TCommitmentRow[], windowDays: number) => {
  const counts = { due: due.length, onTime: 0, late: 0, skipped: 0, open: 0 };
  for (const { status, dueAt, completedAt } of due) {
    if (status === "COMPLETED") {
      if (completedAt && dueAt && completedAt.getTime() > dueAt.getTime() + LATE_GRACE_MS) counts.late += 1;
      else counts.onTime += 1;
    } else if (status === "SKIPPED") counts.skipped += 1;
    else counts.open += 1;
  }
  const score = counts.due ? Math.round(((counts.onTime + counts.late / 2) / counts.due) * 10_000) / 100 : null;
  const parts = [
    `${counts.onTime + counts.late} of ${counts.due} commitments due in the last ${windowDays} days were completed${counts.late ? ` (${counts.late} late)` : ""}`,
  ];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.open) parts.push(`${counts.open} not done`);
  return {
    ...counts,
    score,
    notes: counts.due ? `${parts.join("; ")}.` : `Nothing was due in the last ${windowDays} days.`,
  };
};

const inside = (at: Date | null | undefined, start: Date, end: Date) => Boolean(at && at >= start && at < end);

/** The payload of the report of the local days [start, end) in `timezone`. */
export const seedReportPayload = (rows: TSeedRows, start: Date, end: Date, timezone: string) => {
  const days: string[] = [];
  for (
    let day = localDay(start, timezone);
    localMidnight(day, timezone) < end && days.length < 400;
    day = addDays(day, 1)
  )
    days.push(day);
  const byDay = <T>(items: T[], at: (item: T) => Date | null | undefined) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const when = at(item);
      if (when && inside(when, start, end))
        map.set(localDay(when, timezone), [...(map.get(localDay(when, timezone)) ?? []), item]);
    }
    return map;
  };
  const emotions = rows.emotions
    .filter((row) => inside(row.recordedAt, start, end))
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const energy = rows.energy
    .filter((row) => inside(row.recordedAt, start, end))
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const [emotionDays, energyDays] = [byDay(emotions, (row) => row.recordedAt), byDay(energy, (row) => row.recordedAt)];
  const [completedDays, skippedDays] = [
    byDay(rows.commitments, (row) => row.completedAt),
    byDay(rows.commitments, (row) => row.skippedAt),
  ];
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
  const adherence = seedAdherence(
    rows.commitments.filter((row) => inside(row.dueAt, start, end)),
    days.length,
  );
  return {
    version: 1 as const,
    period: { start: start.getTime(), end: end.getTime(), days: days.length, timezone },
    emotions: {
      points: emotions.map((row) => ({
        at: row.recordedAt.getTime(),
        label: row.label,
        valence: row.valence.toLowerCase(),
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
      trend:
        energySlope === null ? "unknown" : energySlope > 0.1 ? "rising" : energySlope < -0.1 ? "falling" : "steady",
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
    consistency: { score: adherence.score, windowDays: days.length, notes: adherence.due ? adherence.notes : null },
    insights: rows.insights
      .filter((row) => inside(row.createdAt, start, end))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, 5)
      .map((row) => ({ id: row.id, title: row.title, content: row.content, createdAt: row.createdAt.getTime() })),
    goals: rows.goals
      .filter((row) => row.status === "ACTIVE" || inside(row.completedAt, start, end))
      .map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status.toLowerCase(),
        progress: row.progress,
        deadline: row.deadline?.getTime() ?? null,
        completedInPeriod: inside(row.completedAt, start, end),
      })),
  };
};
