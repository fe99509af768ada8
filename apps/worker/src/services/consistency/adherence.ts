import type { Db } from "@cto/db/client";

// The scoring is @cto/kernel's, which the demo seed of @cto/db uses too.
export { adherenceNotes, scoreAdherence, type TAdherence } from "@cto/kernel/adherence";

export const loadDueCommitments = (db: Db, userId: string, start: Date, end: Date) =>
  db.commitment.findMany({
    where: { userId, dueAt: { gte: start, lt: end } },
    select: { status: true, dueAt: true, completedAt: true },
  });
