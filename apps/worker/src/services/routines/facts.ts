import type { Db } from "@cto/db/client";

const WEEK = 7 * 86_400_000;

/**
 * What a routine's answer is grounded in: the user's active goals, the commitments due in the week
 * ahead and those closed in the week behind, as plain sentences (the model writes from facts, it does
 * not look anything up).
 */
export const routineFacts = async (db: Db, userId: string, now: Date) => {
  const [goals, due, completed, skipped] = await Promise.all([
    db.goal.findMany({
      where: { userId, status: "ACTIVE" },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: { title: true, progress: true },
      take: 5,
    }),
    db.commitment.findMany({
      where: {
        userId,
        status: { in: ["PENDING", "SCHEDULED"] },
        dueAt: { gte: now, lt: new Date(now.getTime() + WEEK) },
      },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { title: true },
      take: 5,
    }),
    db.commitment.count({
      where: { userId, status: "COMPLETED", completedAt: { gte: new Date(now.getTime() - WEEK) } },
    }),
    db.commitment.count({ where: { userId, status: "SKIPPED", updatedAt: { gte: new Date(now.getTime() - WEEK) } } }),
  ]);
  return [
    ...goals.map((goal) => `Goal "${goal.title}": ${goal.progress}% done.`),
    ...due.map((commitment) => `Commitment due in the coming week: "${commitment.title}".`),
    `In the last 7 days: ${completed} commitments completed, ${skipped} skipped.`,
  ];
};
