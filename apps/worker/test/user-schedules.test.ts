import { describe, expect, it } from "vitest";

import { reportJobId, storyJobId } from "@cto/contracts/queues";
import { userScheduleJobId } from "@cto/core/user-schedules";
import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { boundQueues } from "@cto/queue/queues";
import { jobId } from "@cto/queue/job-options";

import { SCHEDULES } from "../src/jobs/schedules.ts";
import { dueReports } from "../src/services/reports/due.ts";
import {
  claimDueSchedules,
  ensureUserSchedules,
  runUserSchedules,
  SCHEDULE_RETRY_MS,
} from "../src/services/schedules/run.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

// Monday 23 March 2026, 08:00 in Berlin (CET, UTC+1): the week before the clocks go forward.
const MONDAY_EIGHT_CET = new Date("2026-03-23T07:00:00Z");
const DAY = 86_400_000;

const makeUser = (db: Db, seenAt: Date, data: { isActive?: boolean } = {}) =>
  db.user.create({
    data: {
      email: `schedules-${crypto.randomUUID()}@example.com`,
      preferences: { timezone: "Europe/Berlin" },
      createdAt: new Date("2025-01-01T00:00:00Z"),
      lastSeenAt: seenAt,
      ...data,
    },
  });

const rowsOf = (db: Db, userId: string) =>
  db.reminderSchedule.findMany({ where: { userId, cadence: { not: null } }, orderBy: { kind: "asc" } });

/** The user's rows, all due at `at`. */
const dueAt = async (db: Db, userId: string, at: Date) => {
  await db.reminderSchedule.updateMany({ where: { userId, cadence: { not: null } }, data: { nextRunAt: at } });
};

for (const target of testTargets()) {
  describe(`schedules/run (${target.name})`, () => {
    const handle = useMigratedDatabase(target);

    it("runs every minute, in place of the global weekly report, consistency and weekly story fan-outs", () => {
      expect(SCHEDULES.find((entry) => entry.queue === "schedules" && entry.job === "run")?.repeat).toEqual({
        every: 60_000,
      });
      const ids = SCHEDULES.map((entry) => entry.id);
      for (const gone of ["reports-seven-day", "metrics-consistency", "stories-weekly"])
        expect(ids).not.toContain(gone);
    });

    it("gives an active user the three rows at their defaults in their timezone; a long-gone user none", async () => {
      const { db } = handle;
      const user = await makeUser(db, MONDAY_EIGHT_CET);
      const gone = await makeUser(db, new Date(MONDAY_EIGHT_CET.getTime() - 40 * DAY));
      // Sunday evening: the next Monday 08:00 and 07:00 in Berlin, and 01:00 the next night.
      const sunday = new Date("2026-03-22T18:00:00Z");
      expect(await ensureUserSchedules(db, sunday, 10_000)).toBeGreaterThanOrEqual(3);
      const rows = await rowsOf(db, user.id);
      expect(
        rows.map((row) => [row.kind, row.queueName, row.jobId, row.cadence, row.nextRunAt?.toISOString()]),
      ).toEqual([
        ["REPORT", "reports", userScheduleJobId("REPORT", user.id), "0 8 * * 1", "2026-03-23T07:00:00.000Z"],
        ["CONSISTENCY", "metrics", `consistency.${user.id}`, "0 1 * * *", "2026-03-23T00:00:00.000Z"],
        ["STORY", "stories", `story.${user.id}.week`, "0 7 * * 1", "2026-03-23T06:00:00.000Z"],
      ]);
      expect(rows.every((row) => row.status === "ACTIVE" && row.timezone === null)).toBe(true);
      expect(await rowsOf(db, gone.id)).toEqual([]);
      // A second pass adds nothing for them.
      await ensureUserSchedules(db, sunday, 10_000);
      expect(await rowsOf(db, user.id)).toHaveLength(3);
    });

    it("claims each due row once under two concurrent runners, and moves it to its next local time", async () => {
      const { db } = handle;
      const user = await makeUser(db, MONDAY_EIGHT_CET);
      await ensureUserSchedules(db, MONDAY_EIGHT_CET, 10_000);
      await dueAt(db, user.id, MONDAY_EIGHT_CET);
      const now = new Date(MONDAY_EIGHT_CET.getTime() + 30_000);
      const [a, b] = await Promise.all([claimDueSchedules(db, now, 10_000), claimDueSchedules(db, now, 10_000)]);
      const mine = [...a, ...b].filter((row) => row.userId === user.id).map((row) => row.kind);
      expect(mine.sort()).toEqual(["CONSISTENCY", "REPORT", "STORY"]);
      // A later pass in the same minute finds nothing of theirs.
      expect((await claimDueSchedules(db, now, 10_000)).filter((row) => row.userId === user.id)).toEqual([]);
      const rows = await rowsOf(db, user.id);
      expect(rows.every((row) => row.lastRunAt?.getTime() === now.getTime())).toBe(true);
      // After the change to summer time (29 March): 08:00 CEST is 06:00 UTC; 01:00 the next night is still CET.
      expect(rows.map((row) => row.nextRunAt?.toISOString())).toEqual([
        "2026-03-30T06:00:00.000Z",
        "2026-03-24T00:00:00.000Z",
        "2026-03-30T05:00:00.000Z",
      ]);
    });

    it("keeps 08:00 local when the clocks go back", async () => {
      const { db } = handle;
      const user = await makeUser(db, new Date("2026-10-19T06:00:00Z"));
      await ensureUserSchedules(db, new Date("2026-10-18T12:00:00Z"), 10_000);
      // Monday 19 October 2026, 08:00 CEST (UTC+2); the clocks go back on the 25th.
      const report = (await rowsOf(db, user.id)).find((row) => row.kind === "REPORT")!;
      expect(report.nextRunAt).toEqual(new Date("2026-10-19T06:00:00Z"));
      await claimDueSchedules(db, report.nextRunAt!, 10_000);
      expect((await db.reminderSchedule.findUniqueOrThrow({ where: { id: report.id } })).nextRunAt).toEqual(
        new Date("2026-10-26T07:00:00Z"),
      );
    });

    it("queues the weekly report, both consistency windows and last week's story, once", async () => {
      const { db } = handle;
      const user = await makeUser(db, MONDAY_EIGHT_CET);
      await ensureUserSchedules(db, MONDAY_EIGHT_CET, 10_000);
      await dueAt(db, user.id, MONDAY_EIGHT_CET);
      const { queues, close } = createTestDeps({ prefix: testPrefix("user-schedules"), db });
      try {
        const run = () => runUserSchedules({ db, queues, now: MONDAY_EIGHT_CET, batchSize: 10_000 });
        await Promise.all([run(), run()]);
        const periodEnd = new Date("2026-03-22T23:00:00Z").getTime(); // Monday 00:00 in Berlin
        expect((await queues.queue("reports").getJob(reportJobId(user.id, "SEVEN_DAY", periodEnd)))?.data).toEqual({
          userId: user.id,
          type: "SEVEN_DAY",
          periodEnd,
        });
        for (const windowDays of [7, 30])
          expect(
            (await queues.queue("metrics").getJob(jobId("consistency", user.id, windowDays, "2026-03-22")))?.data,
          ).toEqual({ userId: user.id, date: "2026-03-22", windowDays });
        expect(await queues.queue("stories").getJob(storyJobId(user.id, "2026-W12"))).toBeTruthy();
        const mine = async (name: "reports" | "metrics" | "stories") =>
          (await queues.queue(name).getJobs(["waiting"])).filter((job) => job.data.userId === user.id).length;
        expect([await mine("reports"), await mine("metrics"), await mine("stories")]).toEqual([1, 2, 1]);
      } finally {
        await close(["reports", "metrics", "stories"]);
      }
    });

    it("does not run a paused row (nor the global fan-outs for its kind), nor one of a user gone or disabled", async () => {
      const { db } = handle;
      const paused = await makeUser(db, MONDAY_EIGHT_CET);
      const away = await makeUser(db, new Date(MONDAY_EIGHT_CET.getTime() - 40 * DAY));
      const disabled = await makeUser(db, MONDAY_EIGHT_CET, { isActive: false });
      await ensureUserSchedules(db, MONDAY_EIGHT_CET, 10_000);
      for (const user of [away, disabled])
        await db.reminderSchedule.createMany({
          data: ["REPORT", "CONSISTENCY", "STORY"].map((kind) => ({
            userId: user.id,
            kind: kind as "REPORT",
            queueName: kind === "REPORT" ? "reports" : kind === "STORY" ? "stories" : "metrics",
            jobId: userScheduleJobId(kind as "REPORT", user.id),
            cadence: "0 8 * * 1",
          })),
        });
      for (const user of [paused, away, disabled]) await dueAt(db, user.id, MONDAY_EIGHT_CET);
      await db.reminderSchedule.updateMany({ where: { userId: paused.id }, data: { status: "PAUSED" } });

      const claimed = await claimDueSchedules(db, MONDAY_EIGHT_CET, 10_000);
      const ids = new Set([paused.id, away.id, disabled.id]);
      expect(claimed.filter((row) => ids.has(row.userId))).toEqual([]);
      // Paused: untouched. Gone or disabled: moved on without a run (not all at once on their return).
      expect((await rowsOf(db, paused.id)).map((row) => row.nextRunAt)).toEqual([
        MONDAY_EIGHT_CET,
        MONDAY_EIGHT_CET,
        MONDAY_EIGHT_CET,
      ]);
      for (const user of [away, disabled])
        for (const row of await rowsOf(db, user.id)) {
          expect(row.lastRunAt).toBeNull();
          expect(row.nextRunAt).toEqual(new Date("2026-03-30T06:00:00Z"));
        }

      const twoDay: string[] = [];
      for await (const entry of dueReports(db, "TWO_DAY", MONDAY_EIGHT_CET)) twoDay.push(entry.userId);
      expect(twoDay).not.toContain(paused.id);
    });

    it("records why a run failed and tries it again a few minutes later", async () => {
      const { db } = handle;
      const user = await makeUser(db, MONDAY_EIGHT_CET);
      await ensureUserSchedules(db, MONDAY_EIGHT_CET, 10_000);
      await dueAt(db, user.id, MONDAY_EIGHT_CET);
      const { queues, close } = createTestDeps({ prefix: testPrefix("user-schedules-down"), db });
      // Redis "away": every write is refused, as a producer that cannot reach it refuses them.
      const away = boundQueues({ ...queues, available: () => false });
      try {
        const result = await runUserSchedules({ db, queues: away, now: MONDAY_EIGHT_CET, batchSize: 10_000 });
        expect(result.failed).toBeGreaterThanOrEqual(3);
        for (const row of await rowsOf(db, user.id)) {
          expect(row.lastError).toBeTruthy();
          expect(row.nextRunAt).toEqual(new Date(MONDAY_EIGHT_CET.getTime() + SCHEDULE_RETRY_MS));
        }
        // Back: the retry runs and clears the error.
        const retry = new Date(MONDAY_EIGHT_CET.getTime() + SCHEDULE_RETRY_MS);
        await runUserSchedules({ db, queues, now: retry, batchSize: 10_000 });
        expect((await rowsOf(db, user.id)).map((row) => row.lastError)).toEqual([null, null, null]);
      } finally {
        await close(["reports", "metrics", "stories"]);
      }
    });
  });
}
