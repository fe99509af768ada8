import { describe, expect, it } from "vitest";

import type { TUserSchedule } from "@cto/contracts/api/schedules";

import { fieldPaths, signUp, useApi } from "./support/api.ts";
import { berlinClock, moveToBerlin } from "./support/berlin.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const schedulesOf = async (user: typeof alice) => {
  const response = await user.request("GET", "/schedules");
  expect(response.status).toBe(200);
  return (response.body as { items: TUserSchedule[] }).items;
};

const weeklyReport = async (user: typeof alice) => (await schedulesOf(user)).find((s) => s.kind === "weekly_report")!;

describe("schedules: happy paths", () => {
  it("lists the three schedules, made on first look, at their local times in the profile's timezone", async () => {
    await moveToBerlin(harness.db, alice.userId);
    const items = await schedulesOf(alice);
    expect(items.map((s) => [s.kind, s.paused, s.weekday, s.hour, s.timezone])).toEqual([
      ["weekly_report", false, 1, 8, "Europe/Berlin"],
      ["consistency", false, null, 1, "Europe/Berlin"],
      ["story", false, 1, 7, "Europe/Berlin"],
    ]);
    expect(berlinClock(items[0]!.nextRunAt!)).toBe("Mon 08:00");
    expect(berlinClock(items[1]!.nextRunAt!)).toMatch(/ 01:00$/);
    // Looking again makes nothing new.
    expect((await schedulesOf(alice)).map((s) => s.id)).toEqual(items.map((s) => s.id));
    expect(await harness.db.reminderSchedule.count({ where: { userId: alice.userId, cadence: { not: null } } })).toBe(
      3,
    );
  });

  it("pauses and resumes a schedule; the row the worker reads follows", async () => {
    const report = await weeklyReport(alice);
    const paused = await alice.request("PATCH", `/schedules/${report.id}`, { paused: true });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ id: report.id, paused: true, nextRunAt: null });
    expect(await harness.db.reminderSchedule.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "PAUSED",
      nextRunAt: null,
    });
    expect((await weeklyReport(alice)).paused).toBe(true);

    const resumed = await alice.request("PATCH", `/schedules/${report.id}`, { paused: false });
    expect(resumed.status).toBe(200);
    const body = resumed.body as TUserSchedule;
    expect(body.paused).toBe(false);
    expect(body.nextRunAt).toBeGreaterThan(Date.now());
    expect((await harness.db.reminderSchedule.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("ACTIVE");
  });

  it("moves the weekly report to Friday 17:00 local", async () => {
    await moveToBerlin(harness.db, alice.userId);
    const report = await weeklyReport(alice);
    const moved = await alice.request("PATCH", `/schedules/${report.id}`, { weekday: 5, hour: 17 });
    expect(moved.status).toBe(200);
    const body = moved.body as TUserSchedule;
    expect(body).toMatchObject({ weekday: 5, hour: 17, paused: false });
    expect(berlinClock(body.nextRunAt!)).toBe("Fri 17:00");
    expect((await harness.db.reminderSchedule.findUniqueOrThrow({ where: { id: report.id } })).cadence).toBe(
      "0 17 * * 5",
    );
  });

  it("follows a change of the profile's timezone from the next run on, keeping a pause and a pending retry", async () => {
    const user = await signUp(harness, "schedule-traveller");
    await moveToBerlin(harness.db, user.userId);
    const [report, consistency, story] = await schedulesOf(user);
    expect(berlinClock(report!.nextRunAt!)).toBe("Mon 08:00");
    expect((await user.request("PATCH", `/schedules/${consistency!.id}`, { paused: true })).status).toBe(200);
    // The story's last run failed and waits to be tried again in a few minutes.
    const retryAt = new Date(Date.now() + 5 * 60_000);
    await harness.db.reminderSchedule.update({
      where: { id: story!.id },
      data: { lastError: "the model did not answer", nextRunAt: retryAt },
    });

    const moved = await user.request("PATCH", "/me", { preferences: { timezone: "Asia/Tokyo" } });
    expect(moved.status).toBe(200);
    const [reportAfter, consistencyAfter, storyAfter] = await schedulesOf(user);
    const tokyo = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(reportAfter!.nextRunAt!);
    expect(reportAfter).toMatchObject({ timezone: "Asia/Tokyo", weekday: 1, hour: 8 });
    expect(tokyo).toBe("Mon 08:00");
    expect(reportAfter!.nextRunAt).toBeGreaterThan(Date.now());
    expect(consistencyAfter).toMatchObject({ paused: true, nextRunAt: null });
    expect(storyAfter!.nextRunAt).toBe(retryAt.getTime());

    // Saving other preferences leaves the next runs alone.
    await user.request("PATCH", "/me", { preferences: { workingHours: { start: "08:00", end: "16:00" } } });
    expect((await schedulesOf(user)).map((s) => s.nextRunAt)).toEqual(
      [reportAfter, consistencyAfter, storyAfter].map((s) => s!.nextRunAt),
    );
  });
});

describe("schedules: the account archive", () => {
  it("exports the schedules with their state; an import leaves them out and the new account gets its own", async () => {
    const report = await weeklyReport(alice);
    await alice.request("PATCH", `/schedules/${report.id}`, { paused: true });
    const archive = JSON.parse(
      await (await harness.app.request("/me/export", { headers: { cookie: alice.cookie } })).text(),
    );
    const exported = archive.data.reminderSchedules.find((row: { id: string }) => row.id === report.id);
    expect(exported).toMatchObject({ kind: "REPORT", status: "PAUSED", cadence: expect.any(String) });

    const target = await signUp(harness, "schedules-import");
    const imported = await target.request("POST", "/me/import", archive);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.imported.reminderSchedules ?? 0).toBe(0);
    // The old account's rows name its jobs: the new one starts with its own three, at the defaults.
    const theirs = await schedulesOf(target);
    expect(theirs.map((s) => [s.kind, s.paused])).toEqual([
      ["weekly_report", false],
      ["consistency", false],
      ["story", false],
    ]);
    expect(theirs.map((s) => s.id)).not.toContain(report.id);
  });
});

describe("schedules: errors", () => {
  it("refuses bad input with the field's path", async () => {
    const report = await weeklyReport(alice);
    for (const [body, paths] of [
      [{ hour: 24 }, ["hour"]],
      [{ weekday: 0 }, ["weekday"]],
      [{ paused: "yes" }, ["paused"]],
      [{ colour: "red" }, [""]],
    ] as const) {
      const response = await alice.request("PATCH", `/schedules/${report.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fieldPaths(response).length, JSON.stringify(body)).toBeGreaterThan(0);
      if (paths[0]) expect(fieldPaths(response)).toEqual(paths);
    }
    const empty = await alice.request("PATCH", `/schedules/${report.id}`, {});
    expect(empty.status).toBe(400);
  });

  it("refuses a weekday for the daily consistency schedule (400 with its path), leaving it unchanged", async () => {
    const consistency = (await schedulesOf(alice)).find((s) => s.kind === "consistency")!;
    const response = await alice.request("PATCH", `/schedules/${consistency.id}`, { weekday: 3 });
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(["weekday"]);
    expect((await harness.db.reminderSchedule.findUniqueOrThrow({ where: { id: consistency.id } })).cadence).toBe(
      "0 1 * * *",
    );
  });

  it("answers 404 for an unknown id and 400 for one that is not an id", async () => {
    expect((await alice.request("PATCH", `/schedules/${crypto.randomUUID()}`, { paused: true })).status).toBe(404);
    const bad = await alice.request("PATCH", "/schedules/not-an-id", { paused: true });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad)).toEqual(["id"]);
  });
});

describe("schedules: security", () => {
  it("never shows or touches another user's schedule (404, unchanged)", async () => {
    const report = await weeklyReport(alice);
    expect((await schedulesOf(bob)).map((s) => s.id)).not.toContain(report.id);
    expect((await bob.request("PATCH", `/schedules/${report.id}`, { paused: true })).status).toBe(404);
    expect((await harness.db.reminderSchedule.findUniqueOrThrow({ where: { id: report.id } })).status).toBe(
      report.paused ? "PAUSED" : "ACTIVE",
    );
  });

  it("is not a way to edit a report request or a reminder (only the three schedule rows are yours to edit)", async () => {
    const request = await harness.db.reminderSchedule.create({
      data: { userId: alice.userId, kind: "REPORT", queueName: "reports", jobId: `req.${crypto.randomUUID()}` },
    });
    expect((await alice.request("PATCH", `/schedules/${request.id}`, { paused: true })).status).toBe(404);
    expect((await schedulesOf(alice)).map((s) => s.id)).not.toContain(request.id);
  });

  it("needs a signed-in user", async () => {
    expect((await harness.app.request("/schedules")).status).toBe(401);
  });
});
