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
