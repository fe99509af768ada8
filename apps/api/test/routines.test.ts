import { describe, expect, it } from "vitest";

import { MAX_ROUTINES_PER_USER } from "@cto/contracts/api/routines";

import { fieldPaths, signUp, useApi } from "./support/api.ts";
import { berlinClock, moveToBerlin } from "./support/berlin.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const weekly = {
  title: "Weekly review",
  prompt: "Review my week with me",
  schedule: { days: ["mon"], time: "09:00" },
};

describe("routines: happy paths", () => {
  it("creates a routine whose next run is the next Monday 09:00 in the profile's timezone", async () => {
    await moveToBerlin(harness.db, alice.userId);
    const created = await alice.request("POST", "/routines", weekly);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Weekly review",
      prompt: "Review my week with me",
      schedule: { days: ["mon"], time: "09:00", timezone: null },
      timezone: "Europe/Berlin",
      enabled: true,
      lastRunAt: null,
    });
    expect(created.body.nextRunAt).toBeGreaterThan(Date.now());
    expect(created.body.nextRunAt! - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(berlinClock(created.body.nextRunAt!)).toBe("Mon 09:00");

    const read = await alice.request("GET", `/routines/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("uses its own timezone when it names one", async () => {
    const created = await alice.request("POST", "/routines", {
      ...weekly,
      schedule: { days: ["fri", "tue"], time: "18:30", timezone: "America/New_York" },
    });
    expect(created.status).toBe(201);
    expect(created.body.schedule.days).toEqual(["tue", "fri"]);
    expect(created.body.timezone).toBe("America/New_York");
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "America/New_York",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(created.body.nextRunAt!);
    expect(["Tue 18:30", "Fri 18:30"]).toContain(local);
  });

  it("pauses (no next run), resumes (a next run again), edits and deletes", async () => {
    const { body: routine } = await alice.request("POST", "/routines", weekly);
    const paused = await alice.request("PATCH", `/routines/${routine.id}`, { enabled: false });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ enabled: false, nextRunAt: null });

    const resumed = await alice.request("PATCH", `/routines/${routine.id}`, { enabled: true });
    expect(resumed.body.enabled).toBe(true);
    expect(resumed.body.nextRunAt).toBeGreaterThan(Date.now());

    const edited = await alice.request("PATCH", `/routines/${routine.id}`, {
      title: "Friday wrap-up",
      schedule: { days: ["fri"], time: "16:00" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "Friday wrap-up", prompt: weekly.prompt, enabled: true });
    expect(berlinClock(edited.body.nextRunAt!)).toBe("Fri 16:00");

    // An edit that leaves the schedule alone keeps the next run.
    const renamed = await alice.request("PATCH", `/routines/${routine.id}`, { prompt: "What went well?" });
    expect(renamed.body.nextRunAt).toBe(edited.body.nextRunAt);

    expect((await alice.request("DELETE", `/routines/${routine.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/routines/${routine.id}`)).status).toBe(404);
    expect((await alice.request("DELETE", `/routines/${routine.id}`)).status).toBe(404);
  });

  it("follows a change of the profile's timezone from the next run on, unless it has its own", async () => {
    const user = await signUp(harness, "traveller");
    await moveToBerlin(harness.db, user.userId);
    const { body: follows } = await user.request("POST", "/routines", weekly);
    const { body: own } = await user.request("POST", "/routines", {
      ...weekly,
      schedule: { ...weekly.schedule, timezone: "Europe/Berlin" },
    });
    const moved = await user.request("PATCH", "/me", { preferences: { timezone: "America/New_York" } });
    expect(moved.status).toBe(200);
    const after = (await user.request("GET", `/routines/${follows.id}`)).body;
    expect(after.timezone).toBe("America/New_York");
    const newYork = new Intl.DateTimeFormat("en-GB", {
      timeZone: "America/New_York",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(after.nextRunAt!);
    expect(newYork).toBe("Mon 09:00");
    expect((await user.request("GET", `/routines/${own.id}`)).body).toEqual(own);
    // Saving other preferences leaves the next run alone.
    await user.request("PATCH", "/me", { preferences: { workingHours: { start: "08:00", end: "16:00" } } });
    expect((await user.request("GET", `/routines/${follows.id}`)).body.nextRunAt).toBe(after.nextRunAt);
  });

  it("creates a paused routine, and lists a page at a time", async () => {
    const paused = await bob.request("POST", "/routines", { ...weekly, enabled: false });
    expect(paused.body).toMatchObject({ enabled: false, nextRunAt: null });
    await bob.request("POST", "/routines", { ...weekly, title: "Second" });
    await bob.request("POST", "/routines", { ...weekly, title: "Third" });
    const first = await bob.request("GET", "/routines?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1]!.id);
    const second = await bob.request("GET", `/routines?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: { title: string }) => item.title)).toEqual(["Third"]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("routines: errors", () => {
  it.each([
    ["an unknown day", { ...weekly, schedule: { days: ["funday"], time: "09:00" } }, ["schedule.days.0"]],
    ["no day", { ...weekly, schedule: { days: [], time: "09:00" } }, ["schedule.days"]],
    ["a day twice", { ...weekly, schedule: { days: ["mon", "mon"], time: "09:00" } }, ["schedule.days"]],
    ["25:00", { ...weekly, schedule: { days: ["mon"], time: "25:00" } }, ["schedule.time"]],
    ["9 without minutes", { ...weekly, schedule: { days: ["mon"], time: "9" } }, ["schedule.time"]],
    [
      "an unknown timezone",
      { ...weekly, schedule: { days: ["mon"], time: "09:00", timezone: "Mars/Olympus" } },
      ["schedule.timezone"],
    ],
    ["an empty prompt", { ...weekly, prompt: "   " }, ["prompt"]],
    ["a prompt too long", { ...weekly, prompt: "x".repeat(2_001) }, ["prompt"]],
    ["no title", { prompt: weekly.prompt, schedule: weekly.schedule }, ["title"]],
    ["no schedule", { title: "t", prompt: "p" }, ["schedule"]],
  ])("refuses %s with 400 and the field's path", async (_name, body, paths) => {
    const response = await alice.request("POST", "/routines", body);
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(paths);
  });

  it("refuses a bad edit with 400 and changes nothing", async () => {
    const { body: routine } = await alice.request("POST", "/routines", weekly);
    const response = await alice.request("PATCH", `/routines/${routine.id}`, {
      schedule: { days: ["mon"], time: "24:00" },
    });
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(["schedule.time"]);
    expect((await alice.request("GET", `/routines/${routine.id}`)).body).toEqual(routine);
  });

  it("refuses a cursor that is not one of the user's routines", async () => {
    const { body: routine } = await alice.request("POST", "/routines", weekly);
    const response = await bob.request("GET", `/routines?cursor=${routine.id}`);
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(["cursor"]);
  });

  it(`keeps at most ${MAX_ROUTINES_PER_USER} routines a user (409 beyond)`, async () => {
    const { userId } = alice;
    const kept = await harness.db.routine.count({ where: { userId } });
    await harness.db.routine.createMany({
      data: Array.from({ length: MAX_ROUTINES_PER_USER - kept }, (_, index) => ({
        userId,
        title: `Filler ${index}`,
        prompt: "p",
        days: [1],
        time: "09:00",
      })),
    });
    const refused = await alice.request("POST", "/routines", weekly);
    expect(refused.status).toBe(409);
    expect(await harness.db.routine.count({ where: { userId } })).toBe(MAX_ROUTINES_PER_USER);
    // Two creates at once with room for one: exactly one is kept.
    await harness.db.routine.deleteMany({ where: { userId, title: "Filler 0" } });
    const both = await Promise.all([
      alice.request("POST", "/routines", weekly),
      alice.request("POST", "/routines", weekly),
    ]);
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(await harness.db.routine.count({ where: { userId } })).toBe(MAX_ROUTINES_PER_USER);
    await harness.db.routine.deleteMany({ where: { userId, title: { startsWith: "Filler" } } });
  });
});

describe("routines: security", () => {
  it("answers 401 without a session", async () => {
    const response = await harness.app.request("/routines");
    expect(response.status).toBe(401);
  });

  it("never shows or touches another user's routine (404, unchanged)", async () => {
    const { body: routine } = await alice.request("POST", "/routines", weekly);
    expect((await bob.request("GET", `/routines/${routine.id}`)).status).toBe(404);
    expect((await bob.request("PATCH", `/routines/${routine.id}`, { enabled: false })).status).toBe(404);
    expect((await bob.request("DELETE", `/routines/${routine.id}`)).status).toBe(404);
    const listed = await bob.request("GET", "/routines?limit=100");
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(routine.id);
    expect((await alice.request("GET", `/routines/${routine.id}`)).body).toEqual(routine);
  });

  it("answers 400 for a malformed id", async () => {
    const response = await alice.request("GET", "/routines/not-a-uuid");
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(["id"]);
  });
});
