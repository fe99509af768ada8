import type { TApiItem } from "@cto/contracts/api/endpoints";

import { formatDayMonth, startOfToday } from "../../../lib/format.ts";

const DAY = 86_400_000;
const VALENCE_SIGN = { positive: 1, neutral: 0, negative: -1 } as const;

type TEmotionLike = Pick<TApiItem<"/emotions">, "valence" | "intensity" | "recordedAt">;
type TEnergyLike = Pick<TApiItem<"/energy-metrics">, "level" | "recordedAt">;

/** The local day (its midnight, Unix ms) a timestamp falls on. */
const dayOf = (ms: number) => startOfToday(new Date(ms));

const averageByDay = <T>(rows: T[], at: (row: T) => number, value: (row: T) => number) => {
  const days = new Map<number, { sum: number; count: number }>();
  for (const row of rows) {
    const day = dayOf(at(row));
    const entry = days.get(day) ?? { sum: 0, count: 0 };
    entry.sum += value(row);
    entry.count += 1;
    days.set(day, entry);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([x, { sum, count }]) => ({ x, y: Math.round((sum / count) * 10) / 10 }));
};

/**
 * Mood per day on a −10…10 scale: each emotion counts as its intensity, signed by its valence
 * (a neutral feeling is 0), averaged over the day. Days without check-ins have no point.
 */
export const moodByDay = (emotions: TEmotionLike[]) =>
  averageByDay(
    emotions,
    (row) => row.recordedAt,
    (row) => VALENCE_SIGN[row.valence] * row.intensity,
  );

/** Energy per day: the average level (1–10) of that day's check-ins. */
export const energyByDay = (energy: TEnergyLike[]) =>
  averageByDay(
    energy,
    (row) => row.recordedAt,
    (row) => row.level,
  );

/** The newest score for each window length (7-day, 21-day, …), shortest window first. */
export const latestConsistency = <T extends { windowDays: number; score: number; periodEnd: number }>(metrics: T[]) => {
  const newest = new Map<number, T>();
  for (const metric of metrics) {
    const current = newest.get(metric.windowDays);
    if (!current || metric.periodEnd > current.periodEnd) newest.set(metric.windowDays, metric);
  }
  return [...newest.values()].sort((a, b) => a.windowDays - b.windowDays);
};

export const isOverdue = (dueAt: number | null, now = Date.now()) =>
  dueAt !== null && dueAt < startOfToday(new Date(now));

export const dayLabel = (ms: number) => formatDayMonth(ms);

export const DAY_MS = DAY;
