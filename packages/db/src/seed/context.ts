import { addDays, localDay, localMidnight } from "@cto/kernel/local-days";

import type { DbExecutor } from "../client.ts";
import type { SecretBox } from "../secrets.ts";
import { seedId } from "./ids.ts";

export type SeedUser = { id: string; email: string; name: string };

/** What every area's seed function gets: the client, the users it seeds for, a fixed "now". */
export type SeedContext = {
  db: DbExecutor;
  user: SeedUser;
  /** A second person, so likes, replies and isolation have someone else's rows to meet. */
  friend: SeedUser;
  now: Date;
  secrets: SecretBox;
  /** Stable ids scoped to `user`, so one dataset can be seeded for several users side by side. */
  id: (name: string) => string;
};

export const DEMO_USER: SeedUser = { id: seedId("user:demo"), email: "demo@cto.dev", name: "Demo User" };
export const FRIEND_USER: SeedUser = { id: seedId("user:sam"), email: "sam@cto.dev", name: "Sam Rivera" };

export const scopedIds = (user: SeedUser) => (name: string) => seedId(`${user.id}:${name}`);

const DAY = 86_400_000;
export const daysFrom = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
export const hoursFrom = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000);

/** The demo users' timezone (their preferences): reports, consistency windows and reminders are counted in it. */
export const SEED_TIMEZONE = "Europe/Berlin";

/**
 * The seed's clock: `at(-3, 10)` is 10:00 local time three days before the local today of `now`.
 * Demo rows sit at such times, so each falls on a known local day: the reports and consistency
 * windows that count them (local midnight to local midnight) agree with the rows they count.
 */
export const localClock = (now: Date, timezone = SEED_TIMEZONE) => {
  const today = localDay(now, timezone);
  return {
    today,
    midnight: (days: number) => localMidnight(addDays(today, days), timezone),
    at: (days: number, hour: number) =>
      new Date(localMidnight(addDays(today, days), timezone).getTime() + hour * 3_600_000),
  };
};
