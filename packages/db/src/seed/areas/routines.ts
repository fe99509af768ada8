import { addDays } from "@cto/kernel/local-days";

import { localClock, type SeedContext } from "../context.ts";

const WEEK = 7 * 86_400_000;

/** The next Monday 09:00 in the seed's timezone after `now`, as the worker computes a routine's next run. */
const nextMondayNine = (now: Date) => {
  const clock = localClock(now);
  for (let days = 0; days <= 7; days += 1) {
    // Berlin changes its clocks on Sundays, so local midnight + 9 h is 09:00 on any Monday.
    const monday = new Date(`${addDays(clock.today, days)}T00:00:00Z`).getUTCDay() === 1;
    if (monday && clock.at(days, 9) > now) return clock.at(days, 9);
  }
  throw new Error("no Monday within a week");
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
        nextRunAt: nextMondayNine(now),
        lastRunAt: new Date(nextMondayNine(now).getTime() - WEEK),
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
