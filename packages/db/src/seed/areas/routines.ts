import type { SeedContext } from "../context.ts";

const WEEK = 7 * 86_400_000;

/** The next Monday 08:00 UTC after `now` (09:00 in Berlin in winter; the worker re-reads the timezone at each run). */
const nextMonday = (now: Date) => {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
  at.setUTCDate(at.getUTCDate() + ((8 - at.getUTCDay()) % 7));
  return at <= now ? new Date(at.getTime() + WEEK) : at;
};

/** "Every Monday at 9, review my week with me", running, and a paused Friday wrap-up. */
export const seedRoutines = async ({ db, user, now, id }: SeedContext) => {
  await db.routine.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("routine:weekly-review"),
        userId: user.id,
        title: "Weekly review",
        prompt: "Review my week with me: what went well, what slipped, and what matters next week.",
        days: [1],
        time: "09:00",
        nextRunAt: nextMonday(now),
        lastRunAt: new Date(nextMonday(now).getTime() - WEEK),
        createdAt: now,
      },
      {
        id: id("routine:friday-wrap-up"),
        userId: user.id,
        title: "Friday wrap-up",
        prompt: "Ask me which commitment I am proudest of this week.",
        days: [5],
        time: "16:30",
        enabled: false,
        nextRunAt: null,
        createdAt: now,
      },
    ],
  });
};
