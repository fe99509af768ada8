import { describe, expect, it } from "vitest";

import { REMINDER_CLOCK_GRACE_MS } from "../src/services/reminders.ts";
import { signUp, useApi } from "./support/api.ts";

const MINUTE = 60_000;
const inMinutes = (minutes: number) => Date.now() + minutes * MINUTE;
const paths = (body: { error?: { details?: { path: string }[] } }) =>
  body.error?.details?.map((detail) => detail.path) ?? [];

const {
  harness,
  users: [user],
} = useApi({ users: ["times"] });

describe("reminder times in the past", () => {
  it("refuses a commitment whose reminder has already passed, naming remindAt, and stores nothing", async () => {
    const refused = await user.request("POST", "/commitments", { title: "Call the bank", remindAt: inMinutes(-60) });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("validation_failed");
    expect(refused.body.error?.message).toMatch(/already passed/);
    expect(paths(refused.body)).toEqual(["remindAt"]);
    expect(await harness.db.commitment.count({ where: { title: "Call the bank" } })).toBe(0);
  });

  it("refuses a deadline whose reminder has already passed, naming reminderAt", async () => {
    const refused = await user.request("POST", "/deadlines", {
      title: "Visa renewal",
      dueAt: inMinutes(24 * 60),
      reminderAt: inMinutes(-24 * 60),
    });
    expect(refused.status).toBe(400);
    expect(paths(refused.body)).toEqual(["reminderAt"]);
    // Far in the past too (an extreme but valid timestamp), not a 5xx.
    const ancient = await user.request("POST", "/deadlines", {
      title: "Ancient",
      dueAt: inMinutes(60),
      reminderAt: -8_640_000_000_000_000,
    });
    expect([ancient.status, paths(ancient.body)]).toEqual([400, ["reminderAt"]]);
  });

  it("allows a little clock skew, the future, and no reminder at all", async () => {
    const skewed = await user.request("POST", "/commitments", {
      title: "Skewed clock",
      remindAt: Date.now() - REMINDER_CLOCK_GRACE_MS + MINUTE,
    });
    expect(skewed.status).toBe(201);
    expect((await user.request("POST", "/commitments", { title: "Later", remindAt: inMinutes(30) })).status).toBe(201);
    expect((await user.request("POST", "/commitments", { title: "No reminder", remindAt: null })).status).toBe(201);
    expect(
      (await user.request("POST", "/deadlines", { title: "Soon", dueAt: inMinutes(120), reminderAt: inMinutes(60) }))
        .status,
    ).toBe(201);
  });

  it("on a change refuses a new past time but keeps an unchanged one (an edit after the reminder was sent)", async () => {
    const { body } = await user.request("POST", "/commitments", { title: "Write the report", remindAt: inMinutes(30) });
    // The reminder has been sent since: its time now lies in the past.
    const sent = new Date(inMinutes(-120));
    await harness.db.commitment.update({ where: { id: body.id }, data: { remindAt: sent } });
    const renamed = await user.request("PATCH", `/commitments/${body.id}`, {
      title: "Write the final report",
      remindAt: sent.getTime(),
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe("Write the final report");
    const moved = await user.request("PATCH", `/commitments/${body.id}`, { remindAt: inMinutes(-30) });
    expect([moved.status, paths(moved.body)]).toEqual([400, ["remindAt"]]);
    expect((await harness.db.commitment.findUniqueOrThrow({ where: { id: body.id } })).remindAt?.getTime()).toBe(
      sent.getTime(),
    );

    const deadline = (
      await user.request("POST", "/deadlines", { title: "Hand in", dueAt: inMinutes(600), reminderAt: inMinutes(60) })
    ).body;
    const late = await user.request("PATCH", `/deadlines/${deadline.id}`, { reminderAt: inMinutes(-5 * 24 * 60) });
    expect([late.status, paths(late.body)]).toEqual([400, ["reminderAt"]]);
  });
});

describe("the open commitments filter", () => {
  it("lists pending and scheduled commitments (a new one with a reminder included), not done or skipped ones", async () => {
    const owner = await signUp(harness, "open");
    const withReminder = (
      await owner.request("POST", "/commitments", { title: "With reminder", remindAt: inMinutes(60) })
    ).body;
    const plain = (await owner.request("POST", "/commitments", { title: "Plain" })).body;
    const done = (await owner.request("POST", "/commitments", { title: "Done" })).body;
    const skipped = (await owner.request("POST", "/commitments", { title: "Skipped" })).body;
    await owner.request("POST", `/commitments/${done.id}/complete`);
    await owner.request("POST", `/commitments/${skipped.id}/skip`);
    expect(withReminder.status).toBe("scheduled");
    const titles = async (query: string) =>
      (await owner.request("GET", `/commitments?${query}`)).body.items
        .map((item: { title: string }) => item.title)
        .sort();
    expect(await titles("open=true")).toEqual(["Plain", "With reminder"]);
    expect(await titles("open=false")).toEqual(["Done", "Skipped"]);
    expect(await titles("open=true&status=scheduled")).toEqual(["With reminder"]);
    expect(await titles("open=true&status=completed")).toEqual([]);
    expect(await titles("status=pending")).toEqual(["Plain"]);
    expect((await owner.request("GET", "/commitments?open=maybe")).status).toBe(400);
    // Another user's open commitments never show.
    expect(
      (await user.request("GET", "/commitments?open=true")).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(plain.id);
  });
});
