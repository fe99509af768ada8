import { describe, expect, it } from "vitest";

import { AiProviderError } from "@cto/ai/errors";
import { createLocalProvider } from "@cto/ai/local-provider";
import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { SCHEDULES } from "../src/jobs/schedules.ts";
import { runRoutines } from "../src/services/routines/run.ts";
import { memoryLogger } from "./deps.ts";

// Monday 23 March 2026, 09:00 in Berlin (CET, UTC+1): the week before the clocks go forward.
const MONDAY_NINE_CET = new Date("2026-03-23T08:00:00Z");

const makeUser = (db: Db, data: { isActive?: boolean } = {}) =>
  db.user.create({
    data: { email: `routines-${crypto.randomUUID()}@example.com`, preferences: { timezone: "Europe/Berlin" }, ...data },
  });

/** "Every Monday at 09:00", due at `nextRunAt`. */
const weekly = (db: Db, userId: string, nextRunAt: Date | null, extra: { enabled?: boolean; days?: number[] } = {}) =>
  db.routine.create({
    data: {
      userId,
      title: "Weekly review",
      prompt: "Review my week with me",
      days: extra.days ?? [1],
      time: "09:00",
      enabled: extra.enabled ?? true,
      nextRunAt,
    },
  });

const messagesOf = (db: Db, userId: string) =>
  db.proactiveMessage.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { channel: "asc" }] });

for (const target of testTargets()) {
  describe(`routines/run (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const ai = createLocalProvider();
    const run = (now: Date, provider = ai) =>
      runRoutines({ db: handle.db, ai: provider, log: memoryLogger().log, now, batchSize: 100 });

    it("runs every minute", () => {
      expect(SCHEDULES.find((entry) => entry.queue === "routines" && entry.job === "run")?.repeat).toEqual({
        every: 60_000,
      });
    });

    it("runs a due routine once under two claimers at the same time, grounded in the user's goals", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      await db.goal.create({
        data: { userId: user.id, title: "Ship the Q2 roadmap", period: "QUARTERLY", progress: 40 },
      });
      const routine = await weekly(db, user.id, MONDAY_NINE_CET);
      const bystander = await makeUser(db);
      await weekly(db, bystander.id, new Date(MONDAY_NINE_CET.getTime() + 60_000));

      const now = new Date(MONDAY_NINE_CET.getTime() + 30_000);
      const results = await Promise.all([run(now), run(now)]);
      expect(results.map((result) => result.routines).sort()).toEqual([0, 1]);

      const messages = await messagesOf(db, user.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        channel: "IN_APP",
        status: "SENT",
        context: { type: "routine", routineId: routine.id, dueAt: MONDAY_NINE_CET.getTime() },
      });
      expect(messages[0]!.content).toMatch(/^Weekly review\n/);
      expect(messages[0]!.content).toContain('Goal "Ship the Q2 roadmap": 40% done.');
      // Not due yet: the bystander's routine waits for its minute.
      expect(await messagesOf(db, bystander.id)).toEqual([]);

      const after = await db.routine.findUniqueOrThrow({ where: { id: routine.id } });
      expect(after.lastRunAt).toEqual(now);
      // The next Monday is after the change to summer time: 09:00 CEST is 07:00 UTC.
      expect(after.nextRunAt).toEqual(new Date("2026-03-30T07:00:00Z"));

      // A later pass in the same minute finds nothing more to do.
      expect(await run(now)).toEqual({ routines: 0, messages: 0 });
      expect(await messagesOf(db, user.id)).toHaveLength(1);
    });

    it("keeps 09:00 local when the clocks go back", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      // Monday 19 October 2026, 09:00 CEST (UTC+2); the clocks go back on the 25th.
      const due = new Date("2026-10-19T07:00:00Z");
      const routine = await weekly(db, user.id, due);
      await run(due);
      expect((await db.routine.findUniqueOrThrow({ where: { id: routine.id } })).nextRunAt).toEqual(
        new Date("2026-10-26T08:00:00Z"),
      );
    });

    it("runs a window missed while the worker was down once, then from now on", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      // Every day at 09:00; the worker comes back on Thursday at 15:00, three occurrences late.
      const routine = await weekly(db, user.id, MONDAY_NINE_CET, { days: [1, 2, 3, 4, 5, 6, 7] });
      const thursday = new Date("2026-03-26T14:00:00Z");
      expect(await run(thursday)).toEqual({ routines: 1, messages: 1 });
      expect(await run(thursday)).toEqual({ routines: 0, messages: 0 });
      expect(await messagesOf(db, user.id)).toHaveLength(1);
      // Friday 09:00 CET.
      expect((await db.routine.findUniqueOrThrow({ where: { id: routine.id } })).nextRunAt).toEqual(
        new Date("2026-03-27T08:00:00Z"),
      );
    });

    it("does not run a paused routine, nor one of a disabled account (moved on, not caught up later)", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      const paused = await weekly(db, user.id, null, { enabled: false });
      // A paused row that still carries a time is not run either.
      const stale = await weekly(db, user.id, MONDAY_NINE_CET, { enabled: false });
      const disabled = await makeUser(db, { isActive: false });
      const theirs = await weekly(db, disabled.id, MONDAY_NINE_CET);

      await run(new Date(MONDAY_NINE_CET.getTime() + 60_000));
      expect(await messagesOf(db, user.id)).toEqual([]);
      expect(await messagesOf(db, disabled.id)).toEqual([]);
      expect((await db.routine.findUniqueOrThrow({ where: { id: paused.id } })).lastRunAt).toBeNull();
      expect((await db.routine.findUniqueOrThrow({ where: { id: stale.id } })).nextRunAt).toEqual(MONDAY_NINE_CET);
      const moved = await db.routine.findUniqueOrThrow({ where: { id: theirs.id } });
      expect(moved).toMatchObject({ lastRunAt: null, nextRunAt: new Date("2026-03-30T07:00:00Z") });
    });

    it("still reminds the user of the routine when the AI provider fails", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      await weekly(db, user.id, MONDAY_NINE_CET);
      const failing = {
        ...ai,
        chat: async () => {
          throw new AiProviderError("unavailable", "down");
        },
      };
      expect(await run(MONDAY_NINE_CET, failing)).toMatchObject({ routines: 1, messages: 1 });
      const [message] = await messagesOf(db, user.id);
      expect(message!.content).toBe("Weekly review\n\nTime for your routine: Review my week with me");
    });

    it("also sends it on Telegram when the user has it connected", async () => {
      const { db } = handle;
      const user = await makeUser(db);
      await db.telegramConnection.create({
        data: { userId: user.id, telegramChatId: `chat-${user.id}`, isActive: true, connectedAt: MONDAY_NINE_CET },
      });
      await weekly(db, user.id, MONDAY_NINE_CET);
      await run(MONDAY_NINE_CET);
      const messages = await messagesOf(db, user.id);
      expect(messages.map((message) => [message.channel, message.status]).sort()).toEqual([
        ["IN_APP", "SENT"],
        ["TELEGRAM", "PENDING"],
      ]);
    });
  });
}
