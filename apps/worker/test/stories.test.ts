import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";

import { storyJobId } from "@cto/contracts/queues";
import { isoWeekOf, storyPeriodRange } from "@cto/core/stories";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { processStoryGenerate } from "../src/jobs/stories.generate.ts";
import { previousPeriod, processStorySchedule } from "../src/jobs/stories.schedule.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

describe("story periods", () => {
  it("names the ISO week and month that just ended", () => {
    expect(isoWeekOf(new Date("2026-01-01T12:00:00Z"))).toBe("2026-W01");
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekOf(new Date("2026-11-30T00:00:00Z"))).toBe("2026-W49");
    expect(previousPeriod("week", new Date("2026-11-30T06:00:00Z"))).toBe("2026-W48");
    expect(previousPeriod("month", new Date("2026-01-01T06:00:00Z"))).toBe("2025-12");
    const week = storyPeriodRange(previousPeriod("week", new Date("2026-11-30T06:00:00Z")))!;
    expect([week.start.toISOString(), week.end.toISOString()]).toEqual([
      "2026-11-23T00:00:00.000Z",
      "2026-11-30T00:00:00.000Z",
    ]);
    expect(storyPeriodRange("2026-13")).toBeNull();
  });
});

for (const target of testTargets()) {
  describe(`stories jobs (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const now = new Date();
    const job = <T>(data: T) => ({ data }) as Job<T>;

    it("writes one story per user and period; a rerun and an on-demand story are left alone", async () => {
      const { deps, close } = createTestDeps({ prefix: testPrefix("stories"), db: handle.db });
      try {
        const user = await handle.db.user.create({ data: { email: `story-${Date.now()}@example.com` } });
        await handle.db.commitment.create({
          data: {
            userId: user.id,
            title: "Morning run",
            status: "COMPLETED",
            completedAt: new Date("2026-11-03T08:00:00Z"),
          },
        });
        const first = await processStoryGenerate(job({ userId: user.id, period: "2026-11" }), deps);
        expect(first).toMatchObject({ status: "created" });
        expect(await processStoryGenerate(job({ userId: user.id, period: "2026-11" }), deps)).toEqual({
          status: "exists",
        });
        const stories = await handle.db.story.findMany({ where: { userId: user.id } });
        expect(stories).toHaveLength(1);
        expect(stories[0]!.content.length).toBeGreaterThan(10);
        expect(await processStoryGenerate(job({ userId: crypto.randomUUID(), period: "2026-11" }), deps)).toEqual({
          status: "no_user",
        });
      } finally {
        await close();
      }
    });

    it("the weekly fan-out queues the last week's story for active users without one, once", async () => {
      const period = previousPeriod("week", now);
      const { start } = storyPeriodRange(period)!;
      const old = new Date(start.getTime() - 86_400_000);
      const n = Date.now();
      const due = await handle.db.user.create({
        data: { email: `story-due-${n}@example.com`, createdAt: old, lastSeenAt: now },
      });
      const done = await handle.db.user.create({
        data: { email: `story-done-${n}@example.com`, createdAt: old, lastSeenAt: now },
      });
      await handle.db.story.create({ data: { userId: done.id, period, content: "Already written" } });
      const fresh = await handle.db.user.create({ data: { email: `story-new-${n}@example.com`, lastSeenAt: now } });
      const { deps, queues, close } = createTestDeps({
        prefix: testPrefix("stories-fan"),
        db: handle.db,
        now: () => now,
      });
      try {
        await processStorySchedule(job({ kind: "week" as const }), deps);
        await processStorySchedule(job({ kind: "week" as const }), deps);
        const waiting = await queues.queue("stories").getJobs(["waiting"]);
        expect(waiting.filter((entry) => entry.data.userId === due.id).map((entry) => entry.id)).toEqual([
          storyJobId(due.id, period),
        ]);
        for (const skipped of [done, fresh])
          expect(waiting.some((entry) => entry.data.userId === skipped.id)).toBe(false);
      } finally {
        await close(["stories"]);
      }
    });
  });
}
