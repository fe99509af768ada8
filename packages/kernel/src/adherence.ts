/** A commitment completed more than this after its due time counts half (late is better than never). */
const LATE_GRACE_MS = 24 * 3_600_000;

export type TAdherence = {
  due: number;
  onTime: number;
  late: number;
  skipped: number;
  open: number;
  /** 0–100, two decimals; null when nothing was due. */
  score: number | null;
};

export type TDueCommitment = { status: string; dueAt: Date | null; completedAt?: Date | null };

/**
 * Adherence over commitments that fell due in a window: each one completed by its due time (plus a
 * day's grace) counts 1, completed later ½, skipped or still open 0. Nothing due means no score,
 * not a perfect one.
 */
export const scoreAdherence = (commitments: TDueCommitment[]): TAdherence => {
  const counts = { due: commitments.length, onTime: 0, late: 0, skipped: 0, open: 0 };
  for (const { status, dueAt, completedAt } of commitments) {
    if (status === "COMPLETED") {
      if (completedAt && dueAt && completedAt.getTime() > dueAt.getTime() + LATE_GRACE_MS) counts.late += 1;
      else counts.onTime += 1;
    } else if (status === "SKIPPED") counts.skipped += 1;
    else counts.open += 1;
  }
  const score = counts.due ? Math.round(((counts.onTime + counts.late / 2) / counts.due) * 10_000) / 100 : null;
  return { ...counts, score };
};

/** The sentence stored with a score, so the number explains itself. */
export const adherenceNotes = (adherence: TAdherence, windowDays: number, previous: number | null) => {
  if (!adherence.due) return `Nothing was due in the last ${windowDays} days.`;
  const parts = [
    `${adherence.onTime + adherence.late} of ${adherence.due} commitments due in the last ${windowDays} days were completed${adherence.late ? ` (${adherence.late} late)` : ""}`,
  ];
  if (adherence.skipped) parts.push(`${adherence.skipped} skipped`);
  if (adherence.open) parts.push(`${adherence.open} not done`);
  let text = `${parts.join("; ")}.`;
  if (previous !== null && adherence.score !== null) {
    const change = Math.round((adherence.score - previous) * 100) / 100;
    text +=
      change === 0
        ? " Same as the day before."
        : ` ${change > 0 ? "Up" : "Down"} ${Math.abs(change)} points from the day before.`;
  }
  return text;
};
