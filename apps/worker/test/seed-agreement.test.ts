import { describe, expect, it } from "vitest";

import { LOCAL_EMBEDDING_MODEL, localEmbedding } from "@cto/ai/local-provider";
import { ZReportPayloadSchema } from "@cto/contracts/api/reports";
import { ZReminderDueJobSchema } from "@cto/contracts/queues";
import { REMINDER_QUEUE, reminderJobId } from "@cto/core/reminders";
import { nextRoutineRun } from "@cto/core/routines";
import { deliveryTime, readReminderPreferences } from "@cto/core/working-hours";
import { loadStarterKnowledge } from "@cto/db/knowledge";
import { DEMO_USER, FIXTURE_EMBEDDING_MODEL, fixtureEmbedding, seedUserData } from "@cto/db/seed";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { processRemindersReconcile } from "../src/jobs/reminders.reconcile.ts";
import { adherenceNotes, loadDueCommitments, scoreAdherence } from "../src/services/consistency/adherence.ts";
import { buildReportPayload } from "../src/services/reports/payload.ts";
import { loadSubject } from "../src/services/reminders/subject.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

// The demo data must look like the worker made it: reports, scores and reminders that the worker's
// own code would write for the seeded rows, so the demo never contradicts itself.

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe("the demo seed's vectors", () => {
  it("are the offline provider's, under its model name, so searches without an API key find the demo data", () => {
    expect(FIXTURE_EMBEDDING_MODEL).toBe(LOCAL_EMBEDDING_MODEL);
    const starter = loadStarterKnowledge().map((chunk) => chunk.embeddingStrings.join("\n"));
    const texts = ["", "  \n ", "Morning run", "I can't say NO — naïve Ǆemal, 東京 2026, ﬁve", ...starter];
    for (const text of texts) expect(fixtureEmbedding(text)).toEqual(localEmbedding(text));
  });
});

for (const target of testTargets()) {
  describe(`the demo seed agrees with the worker (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    // Seeded at different times of day (and across a DST change), the agreement must hold every time.
    const moments = [new Date(), new Date("2026-03-29T00:30:00Z"), new Date("2026-10-25T21:45:00Z")];

    it("reports: each seeded payload is the worker's report of the same days, valid against the contract", async () => {
      for (const [index, now] of moments.entries()) {
        const user = { id: crypto.randomUUID(), email: `seed-${index}-${Date.now()}@example.com`, name: "Seed Check" };
        const friend = {
          id: crypto.randomUUID(),
          email: `seed-friend-${index}-${Date.now()}@example.com`,
          name: "Friend",
        };
        await seedUserData(handle.db, { user, friend, now });
        const reports = await handle.db.report.findMany({ where: { userId: user.id } });
        expect(reports.map((report) => report.type).sort()).toEqual(["SEVEN_DAY", "TWENTY_ONE_DAY", "TWO_DAY"]);
        for (const report of reports) {
          const stored = ZReportPayloadSchema.parse(report.payload);
          const built = await buildReportPayload({
            db: handle.db,
            userId: user.id,
            start: report.periodStart,
            end: report.periodEnd,
            timezone: stored.period.timezone,
          });
          expect({ ...stored, goals: byId(stored.goals) }).toEqual({ ...built, goals: byId(built.goals) });
          expect(stored.period.days).toBe({ TWO_DAY: 2, SEVEN_DAY: 7, TWENTY_ONE_DAY: 21 }[report.type]);
          // The title names the first and last day of the period, as the worker writes it.
          const label = (at: number) =>
            new Intl.DateTimeFormat("en-GB", {
              timeZone: stored.period.timezone,
              day: "numeric",
              month: "short",
            }).format(at);
          expect(report.title).toBe(
            `Your ${stored.period.days}-day report, ${label(stored.period.start)}–${label(stored.period.end - 1)}`,
          );
          expect(report.summary).toContain(
            stored.commitments.due
              ? `${stored.commitments.completed} of the ${stored.commitments.due} commitments`
              : "no commitment fell due",
          );
        }
        // Goal progress in the reports is the goals' own.
        const goals = await handle.db.goal.findMany({ where: { userId: user.id, status: "ACTIVE" } });
        const seven = ZReportPayloadSchema.parse(reports.find((report) => report.type === "SEVEN_DAY")!.payload);
        for (const goal of goals)
          expect(seven.goals.find((entry) => entry.id === goal.id)?.progress).toBe(goal.progress);
      }
    });

    it("consistency: each seeded score is the worker's score of its window, with its notes", async () => {
      await seedUserData(handle.db);
      const metrics = await handle.db.consistencyMetric.findMany({ where: { userId: DEMO_USER.id } });
      expect(metrics.map((metric) => metric.windowDays).sort((a, b) => a - b)).toEqual([7, 30]);
      for (const metric of metrics) {
        const adherence = scoreAdherence(
          await loadDueCommitments(handle.db, DEMO_USER.id, metric.periodStart, metric.periodEnd),
        );
        expect(Number(metric.score)).toBe(adherence.score);
        expect(metric.notes).toBe(adherenceNotes(adherence, metric.windowDays, null));
      }
      // The dashboard's 7-day score is the 7-day report's.
      const report = await handle.db.report.findFirstOrThrow({ where: { userId: DEMO_USER.id, type: "SEVEN_DAY" } });
      expect(ZReportPayloadSchema.parse(report.payload).consistency.score).toBe(
        Number(metrics.find((metric) => metric.windowDays === 7)!.score),
      );
    });

    it("routines: the running one's next run is the one the worker would set, the paused one has none", async () => {
      for (const [index, now] of moments.entries()) {
        const user = { id: crypto.randomUUID(), email: `routine-${index}-${Date.now()}@example.com`, name: "Seed" };
        const friend = { id: crypto.randomUUID(), email: `routine-f-${index}-${Date.now()}@example.com`, name: "F" };
        await seedUserData(handle.db, { user, friend, now });
        const routines = await handle.db.routine.findMany({ where: { userId: user.id }, orderBy: { title: "asc" } });
        expect(routines.map((routine) => [routine.title, routine.enabled])).toEqual([
          ["Friday wrap-up", false],
          ["Weekly review", true],
        ]);
        expect(routines[0]!.nextRunAt).toBeNull();
        const weekly = routines[1]!;
        expect(weekly.nextRunAt).toEqual(nextRoutineRun(weekly, "Europe/Berlin", now));
      }
    });

    it("reminders: every seeded schedule is one the worker can queue and deliver, none is refused as invalid", async () => {
      const now = new Date();
      await seedUserData(handle.db, { now });
      const user = await handle.db.user.findUniqueOrThrow({ where: { id: DEMO_USER.id } });
      const preferences = readReminderPreferences(user.preferences);
      const schedules = await handle.db.reminderSchedule.findMany({
        where: { userId: DEMO_USER.id, queueName: REMINDER_QUEUE, status: "ACTIVE" },
      });
      expect(schedules.length).toBeGreaterThanOrEqual(2);
      for (const schedule of schedules) {
        const payload = ZReminderDueJobSchema.parse(schedule.payload);
        expect(schedule.jobId).toBe(reminderJobId(payload.kind, payload.entityId, payload.remindAt));
        const subject = await loadSubject(handle.db, payload);
        expect(subject?.open).toBe(true);
        expect(subject?.remindAt?.getTime()).toBe(payload.remindAt);
        expect(payload.remindAt).toBeGreaterThan(now.getTime());
        expect(schedule.nextRunAt?.getTime()).toBe(deliveryTime(new Date(payload.remindAt), preferences).getTime());
      }
      // Every open row with a remind time has its schedule: no reminder silently never fires.
      const commitments = await handle.db.commitment.findMany({
        where: { userId: DEMO_USER.id, remindAt: { not: null }, status: { in: ["PENDING", "SCHEDULED"] } },
      });
      const deadlines = await handle.db.deadline.findMany({
        where: { userId: DEMO_USER.id, reminderAt: { not: null }, status: "PENDING" },
      });
      const ids = new Set(schedules.map((schedule) => schedule.commitmentId ?? schedule.deadlineId));
      for (const row of [...commitments, ...deadlines]) expect(ids.has(row.id)).toBe(true);
      // No pending notification is waiting to repeat what a reminder will say.
      expect(
        await handle.db.proactiveMessage.count({
          where: { userId: DEMO_USER.id, status: "PENDING", scheduledFor: { gt: now } },
        }),
      ).toBe(0);

      // The worker's first reconcile (a minute after start) queues them all and fails none.
      const prefix = testPrefix("seed-reminders");
      const { deps, close } = createTestDeps({ prefix, db: handle.db });
      try {
        const result = (await processRemindersReconcile({} as never, deps)) as { invalid: number };
        expect(result.invalid).toBe(0);
        expect(await handle.db.reminderSchedule.count({ where: { userId: DEMO_USER.id, status: "FAILED" } })).toBe(0);
        for (const schedule of schedules)
          expect(await deps.queues.queue(REMINDER_QUEUE).getJob(schedule.jobId)).toBeTruthy();
      } finally {
        await close([REMINDER_QUEUE]);
      }
    });
  });
}
