import type { Db } from "@cto/db/client";

/** Sets the user's profile timezone to Europe/Berlin. */
export const moveToBerlin = (db: Db, userId: string) =>
  db.user.update({ where: { id: userId }, data: { preferences: { timezone: "Europe/Berlin" } } });

/** Berlin's wall clock at `at` (weekday and HH:MM). */
export const berlinClock = (at: number) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Berlin",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
