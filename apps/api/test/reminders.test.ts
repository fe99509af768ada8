import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { reminderJobId } from "@cto/core/reminders";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";

import { deferQueues } from "../src/services/chat/planned.ts";
import { planToolCall } from "../src/services/chat/tools.ts";
import { signUp } from "./support/api.ts";
import { startApi, withDeps, type Harness } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const inMinutes = (minutes: number) => Date.now() + minutes * 60_000;

describe("reminders scheduled through the API", () => {
  let base: Harness;
  let harness: Harness;
  const connection = createProducerConnection(redisUrl);
  const queues: TQueues = createQueues({ connection, prefix: `cto-test-api-reminders-${process.pid}-${Date.now()}` });
  beforeAll(async () => {
    base = await startApi();
    harness = withDeps(base, { queues });
  });
  afterAll(async () => {
    await queues.queue("reminders").obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await base.close();
  });
  const jobState = async (id: string) => (await queues.queue("reminders").getJob(id))?.getState() ?? "missing";
  const schedules = (where: object) => base.db.reminderSchedule.findMany({ where, orderBy: { createdAt: "asc" } });

  it("a commitment with a remind time gets a schedule and a delayed job; the answer shows it scheduled", async () => {
    const user = await signUp(harness, "remind");
    const remindAt = inMinutes(10);
    const created = await user.request("POST", "/commitments", { title: "Draft the proposal", remindAt });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("scheduled");
    const jobId = reminderJobId("commitment", created.body.id, remindAt);
    expect(await jobState(jobId)).toBe("delayed");
    const [schedule] = await schedules({ commitmentId: created.body.id });
    expect(schedule).toMatchObject({
      jobId,
      queueName: "reminders",
      kind: "COMMITMENT_REMINDER",
      status: "ACTIVE",
      cadence: null,
      timezone: "UTC",
    });
    expect(schedule!.nextRunAt?.getTime()).toBe(remindAt);
    expect((await user.request("GET", `/commitments/${created.body.id}`)).body.status).toBe("scheduled");
  });

  it("rescheduling moves the job, clearing the time cancels it, completing cancels it", async () => {
    const user = await signUp(harness, "move");
    const first = inMinutes(10);
    const { body } = await user.request("POST", "/commitments", { title: "Book the dentist", remindAt: first });
    const second = inMinutes(20);
    const moved = await user.request("PATCH", `/commitments/${body.id}`, { remindAt: second });
    expect(moved.body.status).toBe("scheduled");
    expect(await jobState(reminderJobId("commitment", body.id, first))).toBe("missing");
    expect(await jobState(reminderJobId("commitment", body.id, second))).toBe("delayed");
    expect((await schedules({ commitmentId: body.id })).map((row) => row.status)).toEqual(["CANCELLED", "ACTIVE"]);

    const cleared = await user.request("PATCH", `/commitments/${body.id}`, { remindAt: null });
    expect(cleared.body.status).toBe("pending");
    expect(await jobState(reminderJobId("commitment", body.id, second))).toBe("missing");

    const third = inMinutes(30);
    await user.request("PATCH", `/commitments/${body.id}`, { remindAt: third });
    const completed = await user.request("POST", `/commitments/${body.id}/complete`);
    expect(completed.body.status).toBe("completed");
    expect(await jobState(reminderJobId("commitment", body.id, third))).toBe("missing");
    expect((await schedules({ commitmentId: body.id })).every((row) => row.status === "CANCELLED")).toBe(true);
  });

  it("skipping or deleting a commitment removes its job", async () => {
    const user = await signUp(harness, "drop");
    const at = inMinutes(15);
    const skipped = (await user.request("POST", "/commitments", { title: "Run 5k", remindAt: at })).body;
    const deleted = (await user.request("POST", "/commitments", { title: "Read a chapter", remindAt: at })).body;
    expect((await user.request("POST", `/commitments/${skipped.id}/skip`)).status).toBe(200);
    expect((await user.request("DELETE", `/commitments/${deleted.id}`)).status).toBe(204);
    expect(await jobState(reminderJobId("commitment", skipped.id, at))).toBe("missing");
    expect(await jobState(reminderJobId("commitment", deleted.id, at))).toBe("missing");
    expect(await schedules({ commitmentId: deleted.id })).toEqual([]);
  });

  it("deadlines: reminderAt schedules, the trash cancels, restore schedules again, complete cancels", async () => {
    const user = await signUp(harness, "deadline");
    const reminderAt = inMinutes(30);
    const { body } = await user.request("POST", "/deadlines", {
      title: "Tax return",
      dueAt: inMinutes(24 * 60),
      reminderAt,
    });
    const jobId = reminderJobId("deadline", body.id, reminderAt);
    expect(await jobState(jobId)).toBe("delayed");
    expect((await user.request("DELETE", `/deadlines/${body.id}`)).status).toBe(204);
    expect(await jobState(jobId)).toBe("missing");
    expect((await schedules({ deadlineId: body.id }))[0]?.status).toBe("CANCELLED");
    expect((await user.request("POST", `/deadlines/${body.id}/restore`)).status).toBe(200);
    expect(await jobState(jobId)).toBe("delayed");
    expect((await schedules({ deadlineId: body.id })).map((row) => row.status)).toEqual(["ACTIVE"]);
    expect((await user.request("POST", `/deadlines/${body.id}/complete`)).status).toBe(200);
    expect(await jobState(jobId)).toBe("missing");
  });

  it("respects the user's working hours and timezone when scheduling", async () => {
    const user = await signUp(harness, "hours");
    await base.db.user.update({
      where: { id: user.userId },
      data: { preferences: { timezone: "America/Sao_Paulo", workingHours: { start: "09:00", end: "18:00" } } },
    });
    // 02:00 UTC on a fixed future day = 23:00 in São Paulo (UTC-3): delivered at 09:00 there = 12:00 UTC.
    const remindAt = Date.parse("2030-06-12T02:00:00Z");
    const { body } = await user.request("POST", "/commitments", { title: "Prepare the 1:1", remindAt });
    const [schedule] = await schedules({ commitmentId: body.id });
    expect(schedule).toMatchObject({ timezone: "America/Sao_Paulo", status: "ACTIVE" });
    expect(schedule!.nextRunAt?.toISOString()).toBe("2030-06-12T12:00:00.000Z");
    const job = await queues.queue("reminders").getJob(schedule!.jobId);
    expect(job!.opts.delay! - (Date.parse("2030-06-12T12:00:00Z") - Date.now())).toBeLessThan(5_000);
  });

  it("a meeting shortened, cancelled or deleted releases the reminder it held: the schedule and the delayed job move back", async () => {
    const user = await signUp(harness, "held");
    // Whole minutes: the API keeps milliseconds, but a round time reads better in a failure.
    const minute = (minutes: number) => Math.ceil(inMinutes(minutes) / 60_000) * 60_000;
    const remindAt = minute(10);
    const meeting = await user.request("POST", "/events", {
      title: "Quarterly review",
      startsAt: minute(5),
      endsAt: minute(40),
    });
    expect(meeting.status).toBe(201);
    const other = await user.request("POST", "/events", {
      title: "Budget call",
      startsAt: minute(8),
      endsAt: minute(15),
    });
    const { body } = await user.request("POST", "/commitments", { title: "Send the review notes", remindAt });
    const jobId = reminderJobId("commitment", body.id, remindAt);
    const nextRun = async () => (await schedules({ commitmentId: body.id }))[0]!.nextRunAt!.getTime();
    const jobDueIn = async () => (await queues.queue("reminders").getJob(jobId))!.delay;
    expect(await nextRun()).toBe(minute(40));

    // Shortened to end at 20: the reminder follows the new end.
    expect((await user.request("PATCH", `/events/${meeting.body.id}`, { endsAt: minute(20) })).status).toBe(200);
    expect(await nextRun()).toBe(minute(20));
    expect(Math.abs((await jobDueIn()) - (minute(20) - Date.now()))).toBeLessThan(5_000);

    // Cancelled: the other call (until 15) still holds it.
    expect((await user.request("PATCH", `/events/${meeting.body.id}`, { status: "cancelled" })).status).toBe(200);
    expect(await nextRun()).toBe(minute(15));

    // The call deleted: back to its own time, the job too.
    expect((await user.request("DELETE", `/events/${other.body.id}`)).status).toBe(204);
    expect(await nextRun()).toBe(remindAt);
    expect(await jobState(jobId)).toBe("delayed");
    expect(Math.abs((await jobDueIn()) - (remindAt - Date.now()))).toBeLessThan(5_000);

    // A new meeting does not push it later here: its job checks the calendar when it fires.
    await user.request("POST", "/events", { title: "Surprise sync", startsAt: minute(9), endsAt: minute(30) });
    await user.request("PATCH", `/events/${meeting.body.id}`, { title: "Quarterly review (off)" });
    expect(await nextRun()).toBe(remindAt);
  });

  it("new working hours release a reminder held for the hours to start; narrower hours do not push it later", async () => {
    const user = await signUp(harness, "hours-changed");
    const hours = (start: string, end: string) =>
      user.request("PATCH", "/me", { preferences: { timezone: "America/Sao_Paulo", workingHours: { start, end } } });
    expect((await hours("09:00", "18:00")).status).toBe(200);
    // 23:00 in São Paulo: held until 09:00 there (12:00 UTC).
    const remindAt = Date.parse("2030-06-12T02:00:00Z");
    const { body } = await user.request("POST", "/commitments", { title: "Call the landlord", remindAt });
    const jobId = reminderJobId("commitment", body.id, remindAt);
    const nextRun = async () => (await schedules({ commitmentId: body.id }))[0]!.nextRunAt!.toISOString();
    const jobDueIn = async () => (await queues.queue("reminders").getJob(jobId))!.delay;
    expect(await nextRun()).toBe("2030-06-12T12:00:00.000Z");

    // Hours until midnight: 23:00 is inside them, so the reminder goes at its own time, its job too.
    expect((await hours("09:00", "23:59")).status).toBe(200);
    expect(await nextRun()).toBe("2030-06-12T02:00:00.000Z");
    expect(await jobState(jobId)).toBe("delayed");
    expect(Math.abs((await jobDueIn()) - (remindAt - Date.now()))).toBeLessThan(5_000);

    // Narrower hours again: not moved later here (its job checks the hours when it fires).
    expect((await hours("10:00", "17:00")).status).toBe(200);
    expect(await nextRun()).toBe("2030-06-12T02:00:00.000Z");
  });

  it("the chat tools schedule the reminders of the rows they create, once the reply's transaction commits", async () => {
    const user = await signUp(harness, "tools");
    const remindAt = inMinutes(45);
    const ctx = { userId: user.userId, conversationId: crypto.randomUUID() };
    const made = planToolCall(ctx, {
      id: "call-1",
      name: "create_commitment",
      arguments: { title: "Send the invoice", remindAt },
    });
    const deadline = planToolCall(ctx, {
      id: "call-2",
      name: "create_deadline",
      arguments: { title: "Visa renewal", dueAt: inMinutes(600), reminderAt: remindAt },
    });
    expect(made.action.ok).toBe(true);
    const jobs = [
      reminderJobId("commitment", made.action.entityId!, remindAt),
      reminderJobId("deadline", deadline.action.entityId!, remindAt),
    ];
    const deferred = deferQueues(queues);
    await base.db.$transaction(async (tx) => {
      for (const planned of [made.write!, deadline.write!]) await planned.write({ db: tx, queues: deferred.queues });
      // Inside the transaction the schedule rows exist, but no job may point at them yet.
      expect(await tx.reminderSchedule.count({ where: { userId: user.userId } })).toBe(2);
      for (const id of jobs) expect(await jobState(id)).toBe("missing");
    });
    await deferred.flush();
    for (const id of jobs) expect(await jobState(id)).toBe("delayed");
  });

  it("a rolled-back reply's tool rows leave neither rows, schedules nor jobs", async () => {
    const user = await signUp(harness, "rolled-back");
    const remindAt = inMinutes(50);
    const made = planToolCall(
      { userId: user.userId, conversationId: crypto.randomUUID() },
      { id: "call-1", name: "create_commitment", arguments: { title: "Book the venue", remindAt } },
    );
    const deferred = deferQueues(queues);
    await expect(
      base.db.$transaction(async (tx) => {
        await made.write!.write({ db: tx, queues: deferred.queues });
        throw new Error("the record failed");
      }),
    ).rejects.toThrow("the record failed");
    expect(await base.db.commitment.count({ where: { userId: user.userId } })).toBe(0);
    expect(await base.db.reminderSchedule.count({ where: { userId: user.userId } })).toBe(0);
    expect(await jobState(reminderJobId("commitment", made.action.entityId!, remindAt))).toBe("missing");
  });

  it("without Redis the write succeeds and the schedule waits in the database for the worker's reconcile", async () => {
    // No queues at all (the base harness), and queues whose Redis is unreachable (fail-fast producer).
    const dead = createProducerConnection("redis://127.0.0.1:1", { retryStrategy: () => null, lazyConnect: true });
    dead.on("error", () => undefined);
    const deadQueues = createQueues({ connection: dead, prefix: "cto-test-dead" });
    deadQueues.queue("reminders").on("error", () => undefined);
    const unreachable = withDeps(base, { queues: deadQueues });
    for (const target of [base, unreachable]) {
      const user = await signUp(target, "offline");
      const remindAt = inMinutes(5);
      const created = await user.request("POST", "/commitments", { title: "Water the plants", remindAt });
      expect(created.status).toBe(201);
      const [schedule] = await schedules({ commitmentId: created.body.id });
      expect(schedule).toMatchObject({
        status: "ACTIVE",
        jobId: reminderJobId("commitment", created.body.id, remindAt),
      });
      expect(schedule!.payload).toEqual({
        kind: "commitment",
        entityId: created.body.id,
        userId: user.userId,
        remindAt,
      });
      expect(await jobState(schedule!.jobId)).toBe("missing");
    }
    await deadQueues.close().catch(() => undefined);
    dead.disconnect();
  });
});
