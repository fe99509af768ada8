import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { commitmentTarget, deadlineTarget, enqueueReminder, reminderJobId, syncReminder } from "@cto/core/reminders";
import type { Db } from "@cto/db/client";
import { createSecretBox } from "@cto/db/secrets";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createWorkerConnection } from "@cto/queue/connection";

import { createTestDeps, REDIS_URL, testPrefix, waitFor, writeDueReminders } from "../../test/deps.ts";
import { startRuntime, type TRuntime } from "../runtime.ts";
import { syncCalendar } from "../services/calendars/sync.ts";
import { deliverReminder } from "../services/reminders/deliver.ts";
import { register } from "./processor.ts";
import { processCalendarSync } from "./calendars.sync.ts";
import { processReminderDue } from "./reminders.due.ts";
import { processRemindersReconcile } from "./reminders.reconcile.ts";
import { startFrozenLink } from "../../test/frozen-link.ts";
import { dueTimeIn } from "../../test/local-time.ts";

const soon = (ms = 400) => new Date(Date.now() + ms);
let counter = 0;
const newUser = (db: Db, preferences: object = {}) =>
  db.user.create({ data: { email: `reminders-${Date.now()}-${counter++}@example.com`, preferences } });

const secrets = createSecretBox(randomBytes(32));
// iCalendar's UTC form, whole seconds: 20261208T090000Z.
const icsTime = (at: Date) => `${at.toISOString().replace(/[-:]|\.\d+/g, "")}`;
/** A one-event ICS feed on 127.0.0.1, whose meeting each test sets, and a calendar connection of `userId` to it. */
const startCalendar = async () => {
  const feed = { body: "" };
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar" }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`;
  const meeting = (uid: string, start: Date, end: Date) => {
    feed.body = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Cto tests//EN",
      "BEGIN:VEVENT",
      `UID:${uid}`,
      "DTSTAMP:20261201T000000Z",
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(end)}`,
      "SUMMARY:Steering committee",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  };
  /** The meeting called off upstream: the feed no longer has it. */
  const clear = () => {
    feed.body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cto tests//EN", "END:VCALENDAR", ""].join("\r\n");
  };
  const connect = (db: Db, userId: string) =>
    db.connectedAccount.create({
      data: {
        userId,
        provider: "ics",
        providerAccountId: randomUUID(),
        accessToken: secrets.encrypt(JSON.stringify({ provider: "ics", url })),
      },
    });
  // The feed is on 127.0.0.1, which only a self-hosted set-up allows (CALENDAR_ALLOW_PRIVATE_NETWORKS).
  const sync = (db: Db, connectionId: string) =>
    syncCalendar({ db, secrets, connectionId, now: new Date(), allowPrivateNetworks: true });
  return { meeting, clear, connect, sync, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

describe.each(testTargets())("reminder jobs on $name", (target) => {
  const handle = useMigratedDatabase(target);
  const prefix = testPrefix(`reminders-${target.name}`);
  let clock: (() => Date) | null = null;
  let harness: ReturnType<typeof createTestDeps>;
  let runtime: TRuntime;
  beforeAll(() => {
    harness = createTestDeps({ prefix, db: handle.db, now: () => clock?.() ?? new Date() });
    const registry = [
      register("reminders", "due", processReminderDue),
      register("reminders", "reconcile", processRemindersReconcile),
    ];
    runtime = startRuntime({
      deps: harness.deps,
      redis: REDIS_URL,
      prefix,
      registry,
      concurrency: 8,
      lockDuration: 10_000,
      stalledInterval: 10_000,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await harness.close(["reminders"]);
  });
  const db = () => handle.db;
  const queue = () => harness.queues.queue("reminders");
  const messagesOf = (commitmentOrDeadlineId: string) =>
    db().proactiveMessage.findMany({
      where: { context: { path: ["entityId"], equals: commitmentOrDeadlineId } },
      orderBy: { channel: "asc" },
    });
  const scheduleOf = (jobId: string) =>
    db().reminderSchedule.findUnique({ where: { queueName_jobId: { queueName: "reminders", jobId } } });
  const commitment = async (userId: string, remindAt: Date | null, title = "Write the thesis outline") => {
    const row = await db().commitment.create({
      data: { userId, title, remindAt, dueAt: new Date(Date.now() + 86_400_000) },
    });
    const sync = await syncReminder({ db: db(), queues: harness.queues, target: commitmentTarget(row) });
    return { row, sync, jobId: row.remindAt ? reminderJobId("commitment", row.id, row.remindAt) : "" };
  };
  /** A reminder due a minute ago with no job (written while Redis was away): only a batch taking it along sends it now. */
  const dueWithoutJob = async (userId: string, title: string) => {
    const row = await db().commitment.create({
      data: { userId, title, remindAt: new Date(Date.now() - 60_000), dueAt: soon(86_400_000) },
    });
    const sync = await syncReminder({ db: db(), queues: null, target: commitmentTarget(row) });
    expect(sync.scheduled?.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now());
    const payload = { kind: "commitment" as const, entityId: row.id, userId, remindAt: row.remindAt!.getTime() };
    return { row, payload, jobId: reminderJobId("commitment", row.id, row.remindAt!) };
  };

  it("delivers a due commitment reminder once: an in-app notification, the schedule completed, the commitment back to pending", async () => {
    const user = await newUser(db());
    // Far enough ahead that the job is still delayed when inspected, even on a first, cold connection.
    const { row, sync, jobId } = await commitment(user.id, soon(2_500));
    expect(sync).toMatchObject({ enqueued: true, commitmentStatus: "SCHEDULED", scheduled: { jobId } });
    expect((await db().commitment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("SCHEDULED");
    expect(await (await queue().getJob(jobId))?.getState()).toBe("delayed");

    const done = await waitFor(
      () => scheduleOf(jobId),
      (schedule) => schedule?.status === "COMPLETED",
    );
    expect(done).toMatchObject({
      status: "COMPLETED",
      kind: "COMMITMENT_REMINDER",
      commitmentId: row.id,
      nextRunAt: null,
    });
    expect(done?.lastRunAt).toBeInstanceOf(Date);
    const messages = await messagesOf(row.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: "IN_APP",
      status: "SENT",
      commitmentId: row.id,
      dedupeKey: `${jobId}.IN_APP`,
    });
    expect(messages[0]!.content).toContain("Write the thesis outline");
    expect((await db().commitment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
    const job = await waitFor(
      async () => queue().getJob(jobId),
      (value) => Boolean(value?.finishedOn),
    );
    expect(job?.returnvalue).toEqual({ outcome: "delivered", channels: ["IN_APP"] });
  });

  it("sends nothing to an account an administrator disabled, on any channel, and cancels its reminder", async () => {
    const disabled = await newUser(db());
    await db().telegramConnection.create({
      data: { userId: disabled.id, telegramChatId: `chat-${disabled.id}`, isActive: true, connectedAt: new Date() },
    });
    const { row, jobId } = await commitment(disabled.id, soon(1_500));
    await db().user.update({ where: { id: disabled.id }, data: { isActive: false } });
    const schedule = await waitFor(
      () => scheduleOf(jobId),
      (value) => value?.status === "CANCELLED",
    );
    expect(schedule?.status).toBe("CANCELLED");
    const job = await waitFor(
      async () => queue().getJob(jobId),
      (value) => Boolean(value?.finishedOn),
    );
    expect(job?.returnvalue).toEqual({ outcome: "skipped", reason: "account disabled" });
    expect(await messagesOf(row.id)).toEqual([]);
  });

  it("also queues a Telegram message when the user has an active connection, and honours notification preferences", async () => {
    const linked = await newUser(db());
    await db().telegramConnection.create({
      data: { userId: linked.id, telegramChatId: `chat-${linked.id}`, isActive: true, connectedAt: new Date() },
    });
    const quiet = await newUser(db(), { notificationPrefs: { telegram: false } });
    await db().telegramConnection.create({
      data: { userId: quiet.id, telegramChatId: `chat-${quiet.id}`, isActive: true, connectedAt: new Date() },
    });
    const a = await commitment(linked.id, soon());
    const b = await commitment(quiet.id, soon());
    await waitFor(
      () => messagesOf(a.row.id),
      (rows) => rows.length >= 2,
    );
    await waitFor(
      () => scheduleOf(b.jobId),
      (schedule) => schedule?.status === "COMPLETED",
    );
    expect((await messagesOf(a.row.id)).map((message) => [message.channel, message.status])).toEqual([
      ["TELEGRAM", "PENDING"],
      ["IN_APP", "SENT"],
    ]);
    expect((await messagesOf(b.row.id)).map((message) => message.channel)).toEqual(["IN_APP"]);
  });

  it("moves the job when the reminder is rescheduled, and cancels it when the commitment is completed", async () => {
    const user = await newUser(db());
    const { row, jobId: first } = await commitment(user.id, soon(60_000));
    const moved = await db().commitment.update({ where: { id: row.id }, data: { remindAt: soon(120_000) } });
    const second = reminderJobId("commitment", row.id, moved.remindAt!);
    const sync = await syncReminder({ db: db(), queues: harness.queues, target: commitmentTarget(moved) });
    expect(sync.cancelled).toEqual([first]);
    expect(await queue().getJob(first)).toBeUndefined();
    expect((await scheduleOf(first))?.status).toBe("CANCELLED");
    expect(await (await queue().getJob(second))?.getState()).toBe("delayed");

    const completed = await db().commitment.update({
      where: { id: row.id },
      data: { status: "COMPLETED", completedAt: new Date() },
    });
    expect(
      (await syncReminder({ db: db(), queues: harness.queues, target: commitmentTarget(completed) })).cancelled,
    ).toEqual([second]);
    expect(await queue().getJob(second)).toBeUndefined();
    expect((await scheduleOf(second))?.status).toBe("CANCELLED");
    expect((await db().commitment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("COMPLETED");
  });

  it("does nothing for an outdated job: its schedule was cancelled while Redis was away, or the remind time changed", async () => {
    const user = await newUser(db());
    // Due in 2 s: the skip below must land before it fires, also on a loaded machine.
    const { row, jobId } = await commitment(user.id, soon(2_000));
    // Skipped through a path without queues: the job stays in Redis, only the database knows.
    const skipped = await db().commitment.update({
      where: { id: row.id },
      data: { status: "SKIPPED", skippedAt: new Date() },
    });
    await syncReminder({ db: db(), queues: null, target: commitmentTarget(skipped) });
    const job = await waitFor(
      async () => queue().getJob(jobId),
      (value) => Boolean(value?.finishedOn),
    );
    expect(job?.returnvalue).toEqual({ outcome: "skipped", reason: "schedule is CANCELLED" });
    expect(await messagesOf(row.id)).toHaveLength(0);
  });

  it("runs a reminder once when two jobs carry it (claimed by one transaction)", async () => {
    const user = await newUser(db());
    const { row, jobId } = await commitment(user.id, soon(300));
    const payload = {
      kind: "commitment" as const,
      entityId: row.id,
      userId: user.id,
      remindAt: row.remindAt!.getTime(),
    };
    await Promise.all(
      [1, 2, 3].map((copy) =>
        harness.queues.enqueue("reminders", "due", payload, { jobId: `${jobId}.copy${copy}`, delay: 300 }),
      ),
    );
    await waitFor(
      () => scheduleOf(jobId),
      (schedule) => schedule?.status === "COMPLETED",
    );
    await waitFor(
      async () => Promise.all([1, 2, 3].map((copy) => queue().getJob(`${jobId}.copy${copy}`))),
      (jobs) => jobs.every((job) => job?.finishedOn),
    );
    expect(await messagesOf(row.id)).toHaveLength(1);
  });

  it("takes other due reminders along with a batch: each sent once, those that must wait or look wrong left to their own jobs", async () => {
    const user = await newUser(db());
    const along = await Promise.all([1, 2, 3, 4, 5].map((n) => dueWithoutJob(user.id, `Taken along ${n}`)));
    // Two of them do have a job, still delayed by an hour (their schedules moved earlier, their jobs not):
    // the batch that takes them along drops those jobs.
    const withLateJobs = along.slice(3);
    for (const { payload } of withLateJobs)
      await enqueueReminder(harness.queues, payload, new Date(Date.now() + 3_600_000));
    for (const { jobId } of withLateJobs) expect(await queue().getJobState(jobId)).toBe("delayed");
    // In a meeting now: it waits for the meeting's end, which only its own job moves it to.
    const busyUser = await newUser(db());
    const busy = await dueWithoutJob(busyUser.id, "In a meeting");
    await db().event.create({
      data: { userId: busyUser.id, title: "Review", startsAt: new Date(Date.now() - 600_000), endsAt: soon(1_800_000) },
    });
    // Disabled since: its own job cancels it; a batch taking others along leaves it.
    const disabledUser = await newUser(db());
    const disabled = await dueWithoutJob(disabledUser.id, "Disabled since");
    await db().user.update({ where: { id: disabledUser.id }, data: { isActive: false } });
    // A payload naming another remind time than the schedule's job: not trusted, left alone.
    const odd = await dueWithoutJob(user.id, "Odd payload");
    await db().reminderSchedule.updateMany({
      where: { jobId: odd.jobId },
      data: { payload: { kind: "commitment", entityId: odd.row.id, userId: user.id, remindAt: 1 } },
    });
    const leftAlone = [busy, disabled, odd];
    try {
      // One ordinary reminder's job is the batch that takes them along.
      const trigger = await commitment(user.id, soon(300), "The trigger");
      await waitFor(
        () => scheduleOf(trigger.jobId),
        (schedule) => schedule?.status === "COMPLETED",
      );
      for (const { row, jobId } of along) {
        expect((await scheduleOf(jobId))?.status).toBe("COMPLETED");
        expect(await messagesOf(row.id)).toHaveLength(1);
        expect((await db().commitment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
      }
      for (const { row, jobId } of leftAlone) {
        expect((await scheduleOf(jobId))?.status).toBe("ACTIVE");
        expect(await messagesOf(row.id)).toHaveLength(0);
      }
      // Dropped once the batch committed, a moment after the schedules read COMPLETED.
      expect(
        await waitFor(
          () => Promise.all(withLateJobs.map(({ jobId }) => queue().getJob(jobId))),
          (jobs) => jobs.every((job) => !job),
        ),
      ).toEqual([undefined, undefined]);

      // A job arriving later for a reminder taken along (one re-added by hand, or one another worker was
      // already running, so that it could not be dropped) finds its schedule COMPLETED and sends nothing more.
      const late = along[0]!;
      await harness.queues.enqueue("reminders", "due", late.payload, { jobId: late.jobId });
      const job = await waitFor(
        async () => queue().getJob(late.jobId),
        (value) => Boolean(value?.finishedOn),
      );
      expect(job?.returnvalue).toEqual({ outcome: "skipped", reason: "schedule is COMPLETED" });
      expect(await messagesOf(late.row.id)).toHaveLength(1);
    } finally {
      // Due and ACTIVE, they would be read by every later batch of this file.
      await db().commitment.deleteMany({ where: { id: { in: leftAlone.map(({ row }) => row.id) } } });
    }
  });

  it("keeps the job of a reminder taken along while a worker runs it: that job then resolves from memory, without a read", async () => {
    // A queue of its own with no runtime on it, so that the test holds the job as a worker running it would.
    const other = createTestDeps({ prefix: testPrefix(`reminders-held-${target.name}`), db: db() });
    const otherQueue = other.queues.queue("reminders");
    const holder = new Worker("reminders", null, {
      connection: createWorkerConnection(REDIS_URL),
      prefix: otherQueue.opts.prefix,
    });
    try {
      const user = await newUser(db());
      const held = await dueWithoutJob(user.id, "Held by a worker");
      await enqueueReminder(other.queues, held.payload, new Date());
      const job = await holder.getNextJob("held-by-the-test");
      expect(job?.id).toBe(held.jobId);

      // Another reminder's batch takes the held one along; its job is locked, so it stays.
      const trigger = await dueWithoutJob(user.id, "The trigger");
      expect(await deliverReminder(trigger.payload, other.deps)).toEqual({
        outcome: "delivered",
        channels: ["IN_APP"],
      });
      expect((await scheduleOf(held.jobId))?.status).toBe("COMPLETED");
      expect(await messagesOf(held.row.id)).toHaveLength(1);
      expect(await otherQueue.getJobState(held.jobId)).toBe("active");
      // When that job runs in this process it finds the reminder remembered: delivered. A read would find
      // its schedule COMPLETED and say so.
      expect(await deliverReminder(held.payload, other.deps)).toEqual({ outcome: "delivered", channels: ["IN_APP"] });
      expect(await messagesOf(held.row.id)).toHaveLength(1);
    } finally {
      await holder.close(true);
      await other.close(["reminders"]);
    }
  });

  it("remembers a reminder taken along whose job Redis did not drop in time: that job resolves from memory once it runs", async () => {
    const link = await startFrozenLink(REDIS_URL);
    const other = createTestDeps({
      prefix: testPrefix(`reminders-frozen-${target.name}`),
      db: db(),
      redisUrl: link.url,
    });
    try {
      const user = await newUser(db());
      const along = await dueWithoutJob(user.id, "Dropped too late");
      await enqueueReminder(other.queues, along.payload, new Date());
      expect(await other.queues.queue("reminders").getJobState(along.jobId)).toBe("prioritized");
      // Redis stops answering: the drop after the batch's commit waits for an answer that does not come.
      link.freeze();
      const trigger = await dueWithoutJob(user.id, "The trigger");
      expect(await deliverReminder(trigger.payload, other.deps)).toEqual({
        outcome: "delivered",
        channels: ["IN_APP"],
      });
      expect((await scheduleOf(along.jobId))?.status).toBe("COMPLETED");
      // Its job runs while the drop is still out: it waits for the drop to give up (PRODUCER_TIMEOUT_MS),
      // then finds the reminder remembered. A read would find its schedule COMPLETED and say so.
      expect(await deliverReminder(along.payload, other.deps)).toEqual({ outcome: "delivered", channels: ["IN_APP"] });
      expect(await messagesOf(along.row.id)).toHaveLength(1);
    } finally {
      link.thaw();
      await other.close(["reminders"]);
      await link.close();
    }
  });

  it("sweeps a backlog of due reminders larger than one batch takes along, each sent once, with a job of its own or without", async () => {
    const user = await newUser(db());
    // More than two pages of reminders to take along (1,000 each), due a minute ago, none with a job: one
    // job's batch takes the first page, and only the sweep that follows a full page delivers the rest.
    const backlog = 2_150;
    const remindAt = new Date(Date.now() - 60_000);
    const ids = (await writeDueReminders(db(), { userId: user.id, count: backlog, remindAt })).map(
      ({ entityId }) => entityId,
    );
    const trigger = await commitment(user.id, soon(300), "The trigger");
    // Some have their jobs after all, due as the sweep runs: each is dropped by the batch that takes its
    // reminder along, or finds it written (or being written) by the sweep, or delivers it itself, and no
    // reminder goes twice.
    const withJobs = ids.filter((_, index) => index % 100 === 0);
    await Promise.all(
      withJobs.map((id) =>
        enqueueReminder(
          harness.queues,
          { kind: "commitment", entityId: id, userId: user.id, remindAt: remindAt.getTime() },
          new Date(Date.now() + 300),
        ),
      ),
    );
    await waitFor(
      () => db().reminderSchedule.count({ where: { commitmentId: { in: ids }, status: "ACTIVE" } }),
      (active) => active === 0,
      60_000,
    );
    const jobs = await waitFor(
      () => Promise.all(withJobs.map((id) => queue().getJob(reminderJobId("commitment", id, remindAt)))),
      (found) => found.every((job) => !job || job.finishedOn),
    );
    expect(jobs.map((job) => job?.failedReason ?? null)).toEqual(withJobs.map(() => null));
    const messages = await db().proactiveMessage.groupBy({
      by: ["commitmentId"],
      where: { commitmentId: { in: ids } },
      _count: { _all: true },
    });
    expect(messages).toHaveLength(backlog);
    expect(messages.every((group) => group._count._all === 1)).toBe(true);
    expect(await db().commitment.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(backlog);
    expect((await scheduleOf(trigger.jobId))?.status).toBe("COMPLETED");
  });

  it("reminds of a deadline at its reminder time, and not of one in the trash", async () => {
    const user = await newUser(db());
    const make = (title: string) =>
      db().deadline.create({
        data: { userId: user.id, title, dueAt: new Date(Date.now() + 3 * 86_400_000), reminderAt: soon(400) },
      });
    const live = await make("Submit the grant application");
    const trashed = await make("Renew the passport");
    for (const row of [live, trashed])
      await syncReminder({ db: db(), queues: harness.queues, target: deadlineTarget(row) });
    const inTrash = await db().deadline.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    expect(
      (await syncReminder({ db: db(), queues: harness.queues, target: deadlineTarget(inTrash) })).cancelled,
    ).toHaveLength(1);
    const liveJob = reminderJobId("deadline", live.id, live.reminderAt!);
    await waitFor(
      () => scheduleOf(liveJob),
      (schedule) => schedule?.status === "COMPLETED",
    );
    const messages = await messagesOf(live.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ commitmentId: null, channel: "IN_APP" });
    expect(messages[0]!.content).toMatch(/^Deadline coming up: "Submit the grant application"/);
    expect(await messagesOf(trashed.id)).toHaveLength(0);
  });

  it("writes the reminder in the user's language: German for preferences.locale de", async () => {
    const user = await newUser(db(), { locale: "de", timezone: "Europe/Berlin" });
    const { row, jobId } = await commitment(user.id, soon(400), "Gliederung schreiben");
    await waitFor(
      () => scheduleOf(jobId),
      (schedule) => schedule?.status === "COMPLETED",
    );
    const [message] = await messagesOf(row.id);
    const due = dueTimeIn("de-DE", "Europe/Berlin", row.dueAt!);
    expect(message!.content).toBe(
      `Erinnerung: Du hast dir „Gliederung schreiben“ vorgenommen, fällig ${due}. Wie läuft es?`,
    );
  });

  it("delays a reminder outside the user's working hours to their next start, in their timezone", async () => {
    // Now, in Tokyo, is outside a one-minute window that started an hour ago: delivery is tomorrow's start.
    const tokyoClock = (at: number) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Tokyo",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(new Date(at));
    // The end is one minute after the start on the clock, wrapping midnight when it must, so a start
    // at hh:59 still gives a one-minute window.
    const start = Date.now() - 3_600_000;
    const user = await newUser(db(), {
      timezone: "Asia/Tokyo",
      workingHours: { start: tokyoClock(start), end: tokyoClock(start + 60_000) },
    });
    const { jobId, sync } = await commitment(user.id, soon(1_000));
    const expected = Date.now() - 3_600_000 + 86_400_000;
    expect(Math.abs(sync.scheduled!.nextRunAt.getTime() - expected)).toBeLessThan(120_000);
    const schedule = await scheduleOf(jobId);
    expect(schedule).toMatchObject({ timezone: "Asia/Tokyo", status: "ACTIVE" });
    const job = await queue().getJob(jobId);
    expect(job!.opts.delay).toBeGreaterThan(22 * 3_600_000);
  });

  it("re-checks working hours when it fires: hours changed since scheduling move the job, nothing is sent yet", async () => {
    const user = await newUser(db());
    // 2 s: the new hours and the test's clock must be in place before the job fires, on a loaded machine too.
    const { row, jobId } = await commitment(user.id, soon(2_000));
    // Since scheduling, the user set hours that exclude the moment it fires (12:00 UTC tomorrow: a
    // day in the future, so the moved job stays delayed instead of being due at once).
    await db().user.update({
      where: { id: user.id },
      data: { preferences: { timezone: "UTC", workingHours: { start: "13:00", end: "14:00" } } },
    });
    const fires = new Date(Date.now() + 24 * 3_600_000);
    fires.setUTCHours(12, 0, 0, 0);
    const movedTo = new Date(fires.getTime() + 3_600_000).toISOString();
    clock = () => fires;
    try {
      await waitFor(
        () => scheduleOf(jobId),
        (schedule) => schedule?.nextRunAt?.toISOString() === movedTo,
      );
    } finally {
      clock = null;
    }
    expect(
      await waitFor(
        async () => (await queue().getJob(jobId))?.getState(),
        (state) => state === "delayed",
      ),
    ).toBe("delayed");
    expect(await messagesOf(row.id)).toHaveLength(0);
    await queue().remove(jobId);
    await db().reminderSchedule.update({
      where: { queueName_jobId: { queueName: "reminders", jobId } },
      data: { status: "CANCELLED" },
    });
  });

  it("delivers a reminder due during a synced meeting at the meeting's end, not before", async () => {
    const calendar = await startCalendar();
    try {
      const user = await newUser(db());
      const connection = await calendar.connect(db(), user.id);
      // The meeting runs from a minute ago until 3 s from now (whole seconds, as iCalendar has them).
      const end = new Date(Math.ceil((Date.now() + 3_000) / 1_000) * 1_000);
      calendar.meeting("steering", new Date(end.getTime() - 60_000), end);
      expect(await calendar.sync(db(), connection.id)).toMatchObject({ outcome: "synced", written: 1 });

      const { row, sync, jobId } = await commitment(user.id, soon(300));
      expect(sync.scheduled?.nextRunAt.toISOString()).toBe(end.toISOString());
      expect((await scheduleOf(jobId))?.nextRunAt?.toISOString()).toBe(end.toISOString());
      expect((await queue().getJob(jobId))!.opts.delay).toBeGreaterThan(1_500);

      const done = await waitFor(
        () => scheduleOf(jobId),
        (schedule) => schedule?.status === "COMPLETED",
      );
      expect(done?.lastRunAt?.getTime()).toBeGreaterThanOrEqual(end.getTime());
      const messages = await messagesOf(row.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.sentAt!.getTime()).toBeGreaterThanOrEqual(end.getTime());
    } finally {
      await calendar.close();
    }
  });

  it("re-checks the calendar when it fires: a meeting synced since scheduling holds the reminder until its end", async () => {
    const calendar = await startCalendar();
    try {
      const user = await newUser(db());
      const connection = await calendar.connect(db(), user.id);
      const { row, sync, jobId } = await commitment(user.id, soon(800));
      // Free when scheduled: due at its own time.
      expect(sync.scheduled?.nextRunAt.getTime()).toBe(row.remindAt!.getTime());
      // Then a meeting covering that moment arrives with the next sync.
      const end = new Date(Math.ceil((Date.now() + 3_500) / 1_000) * 1_000);
      calendar.meeting("late-addition", new Date(end.getTime() - 30 * 60_000), end);
      expect(await calendar.sync(db(), connection.id)).toMatchObject({ outcome: "synced", written: 1 });

      const moved = await waitFor(
        () => scheduleOf(jobId),
        (schedule) => schedule?.nextRunAt?.toISOString() === end.toISOString(),
      );
      expect(moved).toMatchObject({ status: "ACTIVE" });
      expect(await messagesOf(row.id)).toHaveLength(0);
      const done = await waitFor(
        () => scheduleOf(jobId),
        (schedule) => schedule?.status === "COMPLETED",
      );
      expect(done?.lastRunAt?.getTime()).toBeGreaterThanOrEqual(end.getTime());
      expect(await messagesOf(row.id)).toHaveLength(1);
    } finally {
      await calendar.close();
    }
  });

  it("brings a held reminder forward when the next sync finds the meeting that held it called off", async () => {
    const calendar = await startCalendar();
    try {
      const user = await newUser(db());
      const connection = await calendar.connect(db(), user.id);
      const end = new Date(Math.ceil((Date.now() + 120_000) / 1_000) * 1_000);
      calendar.meeting("long-review", new Date(end.getTime() - 30 * 60_000), end);
      expect(await calendar.sync(db(), connection.id)).toMatchObject({ outcome: "synced", written: 1 });
      const { row, sync, jobId } = await commitment(user.id, soon(300));
      expect(sync.scheduled?.nextRunAt.toISOString()).toBe(end.toISOString());

      calendar.clear();
      const job = { data: { connectionId: connection.id } } as Parameters<typeof processCalendarSync>[0];
      const synced = await processCalendarSync(job, {
        ...harness.deps,
        secrets,
        calendarAllowPrivateNetworks: true,
      });
      expect(synced).toMatchObject({ outcome: "synced", deleted: 1, remindersForward: 1 });
      const done = await waitFor(
        () => scheduleOf(jobId),
        (schedule) => schedule?.status === "COMPLETED",
      );
      expect(done?.lastRunAt?.getTime()).toBeLessThan(end.getTime());
      expect(await messagesOf(row.id)).toHaveLength(1);
    } finally {
      await calendar.close();
    }
  });

  it("reconcile enqueues active schedules whose job is missing, leaves present ones, and fails unreadable ones", async () => {
    const user = await newUser(db());
    const offline = await db().commitment.create({
      data: { userId: user.id, title: "Call the mentor", remindAt: soon(200) },
    });
    // Written while Redis was away: the schedule exists, the job does not.
    await syncReminder({ db: db(), queues: null, target: commitmentTarget(offline) });
    const offlineJob = reminderJobId("commitment", offline.id, offline.remindAt!);
    expect(await queue().getJob(offlineJob)).toBeUndefined();
    const { jobId: presentJob } = await commitment(user.id, soon(600_000));
    const broken = await db().reminderSchedule.create({
      data: {
        userId: user.id,
        kind: "COMMITMENT_REMINDER",
        commitmentId: offline.id,
        queueName: "reminders",
        jobId: `broken-${user.id}`,
        payload: { kind: "nope" },
        nextRunAt: new Date(),
      },
    });

    const { id } = await harness.queues.enqueue("reminders", "reconcile", {});
    const job = await waitFor(
      async () => queue().getJob(id),
      (value) => Boolean(value?.finishedOn),
    );
    expect(job?.returnvalue).toMatchObject({ enqueued: 1, invalid: 1 });
    expect((await db().reminderSchedule.findUniqueOrThrow({ where: { id: broken.id } })).status).toBe("FAILED");
    expect(await (await queue().getJob(presentJob))?.getState()).toBe("delayed");
    await waitFor(
      () => scheduleOf(offlineJob),
      (schedule) => schedule?.status === "COMPLETED",
    );
    expect(await messagesOf(offline.id)).toHaveLength(1);
    await queue().remove(presentJob);
  });

  it("schedules nothing for a reminder already more than an hour past, nor for one without a time", async () => {
    const user = await newUser(db());
    const stale = await commitment(user.id, new Date(Date.now() - 2 * 3_600_000));
    const none = await commitment(user.id, null);
    for (const { sync } of [stale, none])
      expect(sync).toMatchObject({ scheduled: null, enqueued: false, commitmentStatus: "PENDING" });
    expect(await db().reminderSchedule.count({ where: { commitmentId: { in: [stale.row.id, none.row.id] } } })).toBe(0);
  });
});
