import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { signUp } from "./support/api.ts";
import { startApi, type Harness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startApi();
});
afterAll(async () => harness?.close());

describe("coach nudge settings (PATCH /me preferences.coachNudges)", () => {
  it("merges the nudge settings part by part, keeping the rest of the preferences", async () => {
    const client = await signUp(harness, "nudge-settings");
    await harness.db.user.update({
      where: { id: client.userId },
      data: { preferences: { timezone: "UTC", coachNudges: { maxPerDay: 3 } } },
    });
    const off = await client.request("PATCH", "/me", {
      preferences: { coachNudges: { enabled: false, quietHours: { start: "22:00", end: "07:00" } } },
    });
    expect(off.status).toBe(200);
    expect(off.body.preferences).toEqual({
      timezone: "UTC",
      coachNudges: { maxPerDay: 3, enabled: false, quietHours: { start: "22:00", end: "07:00" } },
    });
    const cleared = await client.request("PATCH", "/me", { preferences: { coachNudges: { quietHours: null } } });
    expect(cleared.body.preferences).toMatchObject({ coachNudges: { maxPerDay: 3, enabled: false, quietHours: null } });
  });

  it.each([
    ["a limit of none a day", { maxPerDay: 0 }, "preferences.coachNudges.maxPerDay"],
    ["a limit above ten", { maxPerDay: 11 }, "preferences.coachNudges.maxPerDay"],
    ["a fractional limit", { maxPerDay: 1.5 }, "preferences.coachNudges.maxPerDay"],
    [
      "quiet hours that end as they start",
      { quietHours: { start: "22:00", end: "22:00" } },
      "preferences.coachNudges.quietHours.end",
    ],
    [
      "a malformed quiet hour",
      { quietHours: { start: "25:00", end: "07:00" } },
      "preferences.coachNudges.quietHours.start",
    ],
    ["an unknown nudge setting", { loud: true }, "preferences.coachNudges"],
  ])("refuses %s with a 400 naming it, and changes nothing", async (_case, coachNudges, path) => {
    const client = await signUp(harness, "nudge-settings-refused");
    const before = await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } });
    const response = await client.request("PATCH", "/me", { preferences: { coachNudges } });
    expect(response.status).toBe(400);
    expect(response.body.error?.details?.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } })).toEqual(before);
  });
});
