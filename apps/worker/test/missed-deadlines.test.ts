import { describe, expect, it } from "vitest";

import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { markMissedDeadlines } from "../src/services/reminders/missed-deadlines.ts";

const HOUR = 3_600_000;

for (const target of testTargets()) {
  describe(`reminders/missed-deadlines (${target.name})`, () => {
    const handle = useMigratedDatabase(target);

    it("marks open deadlines past due MISSED and tells their owners once; others stay as they are", async () => {
      const { db } = handle;
      const now = new Date();
      const user = await db.user.create({ data: { email: `deadlines-${Date.now()}@example.com` } });
      const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
      const deadline = (title: string, dueAt: Date, extra: object = {}) =>
        db.deadline.create({ data: { userId: user.id, title, dueAt, ...extra } });
      const overdue = await deadline("Tax return 'quoted' — ünïcode", at(-1));
      const extended = await deadline("Moved once", at(-2), { status: "EXTENDED" });
      const ancient = await deadline("Year one", new Date("0001-01-01T00:00:00Z"));
      const upcoming = await deadline("Next week", at(24 * 7));
      const done = await deadline("Already done", at(-3), { status: "COMPLETED" });
      const trashed = await deadline("In the trash", at(-3), { deletedAt: now });

      expect(await markMissedDeadlines({ db, now })).toEqual({ missed: 3 });
      const status = async (id: string) =>
        (await db.deadline.findFirstOrThrow({ where: { id, deletedAt: { not: undefined } } })).status;
      for (const missed of [overdue, extended, ancient]) expect(await status(missed.id)).toBe("MISSED");
      expect(await status(upcoming.id)).toBe("PENDING");
      expect(await status(done.id)).toBe("COMPLETED");

      const messages = await db.proactiveMessage.findMany({ where: { userId: user.id }, orderBy: { content: "asc" } });
      expect(messages).toHaveLength(3);
      expect(messages.map((message) => [message.channel, message.status])).toEqual(Array(3).fill(["IN_APP", "SENT"]));
      expect(messages.map((message) => message.content)).toContain(
        "Missed deadline: Tax return 'quoted' — ünïcode. Move it to a new date, or mark it done if it is.",
      );
      expect(await db.deadline.count({ where: { id: trashed.id, status: "PENDING", deletedAt: { not: null } } })).toBe(
        1,
      );

      // A rerun finds nothing; moved and missed again, it is told again.
      expect(await markMissedDeadlines({ db, now })).toEqual({ missed: 0 });
      await db.deadline.update({ where: { id: overdue.id }, data: { status: "EXTENDED", dueAt: at(-0.5) } });
      expect(await markMissedDeadlines({ db, now })).toEqual({ missed: 1 });
      expect(await db.proactiveMessage.count({ where: { userId: user.id } })).toBe(4);
    });
  });
}
