import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";

import { createLocalProvider } from "@cto/ai/local-provider";
import { ZReportPayloadSchema } from "@cto/contracts/api/reports";
import { reportJobId } from "@cto/contracts/queues";
import { localDay, localMidnight } from "@cto/core/local-days";
import { scheduledPeriodEnd } from "@cto/core/report-periods";
import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { processReportSchedule } from "../src/jobs/reports.schedule.ts";
import { dueReports } from "../src/services/reports/due.ts";
import { generateReport } from "../src/services/reports/generate.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

const TZ = "Europe/Berlin";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ai = createLocalProvider();
let counter = 0;

/** A user in Berlin with a week of check-ins and commitments before `end` (a local midnight). */
const seedUser = async (db: Db, end: Date, { createdDaysAgo = 60 } = {}) => {
  const user = await db.user.create({
    data: {
      email: `report-${process.pid}-${Date.now()}-${counter++}@example.com`,
      preferences: { timezone: TZ },
      createdAt: new Date(end.getTime() - createdDaysAgo * DAY),
      lastSeenAt: new Date(),
    },
  });
  const at = (daysBefore: number, hour = 10) => new Date(end.getTime() - daysBefore * DAY + hour * HOUR);
  await db.emotion.createMany({
    data: [
      { userId: user.id, label: "calm", valence: "POSITIVE", intensity: 6, recordedAt: at(1) },
      { userId: user.id, label: "anxious", valence: "NEGATIVE", intensity: 8, recordedAt: at(1, 18) },
      { userId: user.id, label: "calm", valence: "POSITIVE", intensity: 4, recordedAt: at(5) },
    ],
  });
  await db.energyMetric.createMany({
    data: [3, 4, 5, 6, 7].map((level, i) => ({ userId: user.id, level, recordedAt: at(5 - i) })),
  });
  await db.commitment.createMany({
    data: [
      { userId: user.id, title: "on time", status: "COMPLETED", dueAt: at(2), completedAt: at(2, 9) },
      { userId: user.id, title: "late", status: "COMPLETED", dueAt: at(6), completedAt: at(3) },
      { userId: user.id, title: "skipped", status: "SKIPPED", dueAt: at(1), skippedAt: at(1, 11) },
      { userId: user.id, title: "open", status: "PENDING", dueAt: at(4) },
      { userId: user.id, title: "outside", status: "PENDING", dueAt: at(30) },
    ],
  });
  await db.insight.create({
    data: {
      userId: user.id,
      title: "Mornings work",
      content: "You keep commitments made before noon.",
      createdAt: at(2),
    },
  });
  await db.goal.create({ data: { userId: user.id, title: "Run a 10k", period: "MONTHLY", progress: 40 } });
  return user;
};

for (const target of testTargets()) {
  describe(`reports (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const now = new Date();
    const end = scheduledPeriodEnd(now, TZ);

    it("writes a 7-day report with the dashboard payload, an AI summary and an embedding, once per period", async () => {
      const user = await seedUser(handle.db, end);
      const first = await generateReport({ db: handle.db, ai, userId: user.id, type: "SEVEN_DAY", periodEnd: end });
      expect(first.status).toBe("created");
      const report = await handle.db.report.findFirstOrThrow({ where: { userId: user.id } });
      expect(report.periodEnd).toEqual(end);
      expect(report.periodStart).toEqual(
        localMidnight(localDay(new Date(end.getTime() - 7 * DAY + HOUR * 12), TZ), TZ),
      );
      expect(report.summary?.length).toBeGreaterThan(20);
      // Offline, the summary lists the period's facts, labelled, and never quotes the instructions.
      expect(report.summary).toMatch(/^Offline summary/);
      expect(report.summary).toContain("3 mood check-ins; most frequent feelings: calm (2)");
      expect(report.summary).not.toMatch(/You are Cto|supportive coach|60-120 word/);
      expect(report.title).toMatch(/^Your 7-day report, /);

      const payload = ZReportPayloadSchema.parse(report.payload);
      expect(payload.period).toMatchObject({ days: 7, timezone: TZ, end: end.getTime() });
      expect(payload.emotions.points).toHaveLength(3);
      expect(payload.emotions.topLabels[0]).toEqual({ label: "calm", count: 2 });
      expect(payload.emotions.daily).toHaveLength(7);
      expect(payload.emotions.daily.at(-1)).toMatchObject({ count: 2, valence: 0, intensity: 7 });
      expect(payload.energy).toMatchObject({ average: 5, trend: "rising", slopePerDay: 1 });
      expect(payload.commitments).toMatchObject({ due: 4, completed: 2, skipped: 1, open: 1, completionRate: 0.5 });
      // On time 1 + late ½, over 4 due.
      expect(payload.consistency.score).toBe(37.5);
      expect(payload.insights).toEqual([expect.objectContaining({ title: "Mornings work" })]);
      expect(payload.goals).toEqual([
        expect.objectContaining({ title: "Run a 10k", status: "active", progress: 40, completedInPeriod: false }),
      ]);

      const embedding = await handle.db.embedding.findFirstOrThrow({
        where: { ownerKind: "REPORT", ownerId: report.id },
      });
      expect(embedding).toMatchObject({
        userId: user.id,
        reportId: report.id,
        model: ai.embeddingModel,
        dimension: 1536,
      });
      expect(embedding.content).toContain(report.summary!);

      // A retried job: nothing new, not even a second summary.
      expect(
        (await generateReport({ db: handle.db, ai, userId: user.id, type: "SEVEN_DAY", periodEnd: end })).status,
      ).toBe("unchanged");
      expect(await handle.db.report.count({ where: { userId: user.id } })).toBe(1);
      expect(await handle.db.embedding.count({ where: { ownerKind: "REPORT", ownerId: report.id } })).toBe(1);
    });

    it("an on-demand report (up to now) is completed by the next scheduled run of the same period, not duplicated", async () => {
      const user = await seedUser(handle.db, end);
      const onDemand = await generateReport({ db: handle.db, ai, userId: user.id, type: "TWO_DAY", periodEnd: now });
      expect(onDemand.status).toBe("created");
      const tomorrow = new Date(localMidnight(localDay(new Date(end.getTime() + 36 * HOUR), TZ), TZ));
      const scheduled = await generateReport({
        db: handle.db,
        ai,
        userId: user.id,
        type: "TWO_DAY",
        periodEnd: tomorrow,
      });
      expect(scheduled).toMatchObject({
        status: "updated",
        reportId: onDemand.status === "no_user" ? "" : onDemand.reportId,
      });
      expect(await handle.db.report.count({ where: { userId: user.id } })).toBe(1);
      expect((await handle.db.report.findFirstOrThrow({ where: { userId: user.id } })).periodEnd).toEqual(tomorrow);
    });

    it("the daily fan-out queues one job per due user and period; reported, new, disabled and unseen users are skipped", async () => {
      const due = await seedUser(handle.db, end);
      const reported = await seedUser(handle.db, end);
      await generateReport({ db: handle.db, ai, userId: reported.id, type: "SEVEN_DAY", periodEnd: end });
      const fresh = await seedUser(handle.db, end, { createdDaysAgo: 1 });
      const inactive = await seedUser(handle.db, end);
      await handle.db.user.update({ where: { id: inactive.id }, data: { isActive: false } });
      // Signed up long ago and not seen for more than ACTIVE_WITHIN_MS: no more scheduled reports.
      const gone = await seedUser(handle.db, end);
      await handle.db.user.update({ where: { id: gone.id }, data: { lastSeenAt: new Date(now.getTime() - 31 * DAY) } });

      const found = [];
      for await (const entry of dueReports(handle.db, "SEVEN_DAY", now)) found.push(entry.userId);
      expect(found).toContain(due.id);
      for (const skipped of [reported, fresh, inactive, gone]) expect(found).not.toContain(skipped.id);

      const prefix = testPrefix("reports");
      const { deps, queues, close } = createTestDeps({ prefix, db: handle.db, now: () => now });
      try {
        const job = { data: { type: "SEVEN_DAY" } } as Job<{ type: "SEVEN_DAY" }>;
        await processReportSchedule(job, deps);
        await processReportSchedule(job, deps);
        const queued = await queues.queue("reports").getJob(reportJobId(due.id, "SEVEN_DAY", end.getTime()));
        expect(queued?.data).toEqual({ userId: due.id, type: "SEVEN_DAY", periodEnd: end.getTime() });
        const mine = (await queues.queue("reports").getJobs(["waiting"])).filter(
          (entry) => entry.data.userId === due.id,
        );
        expect(mine).toHaveLength(1);
      } finally {
        await close(["reports"]);
      }
    });

    it("reports nothing for a user that no longer exists", async () => {
      expect(
        await generateReport({ db: handle.db, ai, userId: crypto.randomUUID(), type: "TWO_DAY", periodEnd: end }),
      ).toEqual({ status: "no_user" });
    });
  });
}
