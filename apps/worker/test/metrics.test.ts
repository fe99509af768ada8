import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";

import { addDays, localDay, localMidnight } from "@cto/core/local-days";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { CONSISTENCY_WINDOWS, processConsistencySchedule } from "../src/jobs/metrics.consistency-schedule.ts";
import { scoreAdherence } from "../src/services/consistency/adherence.ts";
import { computeConsistency } from "../src/services/consistency/compute.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

const HOUR = 3_600_000;

describe("adherence score", () => {
  const due = new Date("2026-11-20T10:00:00Z");
  it("counts on time 1, late ½, skipped and open 0; nothing due is no score", () => {
    expect(scoreAdherence([])).toMatchObject({ due: 0, score: null });
    expect(
      scoreAdherence([
        { status: "COMPLETED", dueAt: due, completedAt: new Date(due.getTime() + HOUR) },
        { status: "COMPLETED", dueAt: due, completedAt: new Date(due.getTime() + 48 * HOUR) },
        { status: "SKIPPED", dueAt: due, completedAt: null },
      ]),
    ).toEqual({ due: 3, onTime: 1, late: 1, skipped: 1, open: 0, score: 50 });
  });

  it("finds local midnights across a DST change", () => {
    expect(localMidnight("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(localMidnight("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(localMidnight("2026-11-20", "America/New_York").toISOString()).toBe("2026-11-20T05:00:00.000Z");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

for (const target of testTargets()) {
  describe(`consistency metrics (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const tz = "America/New_York";

    it("writes the window's score with notes, once per user, window and day; a rerun replaces it", async () => {
      const user = await handle.db.user.create({
        data: { email: `metrics-${Date.now()}@example.com`, preferences: { timezone: tz }, lastSeenAt: new Date() },
      });
      const date = addDays(localDay(new Date(), tz), -1);
      const noon = (day: string) => new Date(localMidnight(day, tz).getTime() + 12 * HOUR);
      await handle.db.commitment.createMany({
        data: [
          { userId: user.id, title: "a", status: "COMPLETED", dueAt: noon(date), completedAt: noon(date) },
          {
            userId: user.id,
            title: "b",
            status: "COMPLETED",
            dueAt: noon(addDays(date, -2)),
            completedAt: noon(addDays(date, -2)),
          },
          { userId: user.id, title: "c", status: "PENDING", dueAt: noon(addDays(date, -3)) },
          {
            userId: user.id,
            title: "d",
            status: "SKIPPED",
            dueAt: noon(addDays(date, -6)),
            skippedAt: noon(addDays(date, -6)),
          },
          { userId: user.id, title: "too old", status: "PENDING", dueAt: noon(addDays(date, -7)) },
          { userId: user.id, title: "today", status: "PENDING", dueAt: noon(addDays(date, 1)) },
        ],
      });
      const first = await computeConsistency({ db: handle.db, userId: user.id, date, windowDays: 7 });
      expect(first).toMatchObject({ status: "written", score: 50 });
      const row = await handle.db.consistencyMetric.findFirstOrThrow({ where: { userId: user.id } });
      expect(row).toMatchObject({
        windowDays: 7,
        periodStart: localMidnight(addDays(date, -6), tz),
        periodEnd: localMidnight(addDays(date, 1), tz),
      });
      expect(Number(row.score)).toBe(50);
      expect(row.notes).toBe("2 of 4 commitments due in the last 7 days were completed; 1 skipped; 1 not done.");

      await handle.db.commitment.updateMany({
        where: { userId: user.id, title: "c" },
        data: { status: "COMPLETED", completedAt: new Date() },
      });
      expect(await computeConsistency({ db: handle.db, userId: user.id, date, windowDays: 7 })).toMatchObject({
        score: 62.5,
      });
      expect(await handle.db.consistencyMetric.count({ where: { userId: user.id } })).toBe(1);

      // The next day's score compares itself with this one.
      await computeConsistency({
        db: handle.db,
        userId: user.id,
        date: addDays(date, 1),
        windowDays: 7,
        now: new Date(Date.now() + 24 * HOUR),
      });
      const next = await handle.db.consistencyMetric.findFirstOrThrow({
        where: { userId: user.id },
        orderBy: { periodEnd: "desc" },
      });
      expect(next.notes).toMatch(/from the day before|Same as the day before/);

      expect(await computeConsistency({ db: handle.db, userId: user.id, date: "2020-01-01", windowDays: 7 })).toEqual({
        status: "nothing_due",
      });
      expect(await computeConsistency({ db: handle.db, userId: crypto.randomUUID(), date, windowDays: 7 })).toEqual({
        status: "no_user",
      });
    });

    it("the daily fan-out queues one job per active user and window for their last complete local day, once", async () => {
      const user = await handle.db.user.create({
        data: {
          email: `metrics-fan-${Date.now()}@example.com`,
          preferences: { timezone: "Asia/Tokyo" },
          lastSeenAt: new Date(),
        },
      });
      const now = new Date();
      const { deps, queues, close } = createTestDeps({ prefix: testPrefix("metrics"), db: handle.db, now: () => now });
      try {
        await processConsistencySchedule({ data: {} } as Job<Record<string, never>>, deps);
        await processConsistencySchedule({ data: {} } as Job<Record<string, never>>, deps);
        const jobs = (await queues.queue("metrics").getJobs(["waiting"])).filter((job) => job.data.userId === user.id);
        expect(jobs.map((job) => job.data.windowDays).sort((a, b) => a - b)).toEqual([...CONSISTENCY_WINDOWS]);
        expect(jobs[0]!.data.date).toBe(addDays(localDay(now, "Asia/Tokyo"), -1));
      } finally {
        await close(["metrics"]);
      }
    });
  });
}
