import { describe, expect, it } from "vitest";

import { fieldPaths, useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

describe("goals: happy paths", () => {
  it("creates a goal with boundary conventions both ways", async () => {
    const deadline = Date.UTC(2027, 0, 31);
    const created = await alice.request("POST", "/goals", {
      title: "Delegate the release",
      period: "quarterly",
      deadline,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Delegate the release",
      period: "quarterly",
      status: "active",
      progress: 0,
      deadline,
      completedAt: null,
    });
    expect(created.body).not.toHaveProperty("userId");
    const stored = await harness.db.goal.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.period).toBe("QUARTERLY");
    expect(stored.deadline?.getTime()).toBe(deadline);
    expect((await alice.request("GET", `/goals/${created.body.id}`)).body).toEqual(created.body);
  });

  it("lists with filters and cursor pagination, every goal exactly once", async () => {
    for (let i = 0; i < 5; i++) await alice.request("POST", "/goals", { title: `Weekly ${i}`, period: "weekly" });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    const listPage = (after: string | null) =>
      alice.request("GET", `/goals?period=weekly&limit=2${after ? `&cursor=${after}` : ""}`);
    do {
      const page = await listPage(cursor);
      expect(page.status).toBe(200);
      seen.push(
        ...page.body.items.map((goal: { id: string; period: string }) => {
          expect(goal.period).toBe("weekly");
          return goal.id;
        }),
      );
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it("updates, completes once, and deletes", async () => {
    const { body: goal } = await alice.request("POST", "/goals", { title: "Run a retro", period: "weekly" });
    const patched = await alice.request("PATCH", `/goals/${goal.id}`, { progress: 60, title: "Run a feedback retro" });
    expect(patched.body).toMatchObject({ progress: 60, title: "Run a feedback retro" });
    const completed = await alice.request("POST", `/goals/${goal.id}/complete`);
    expect(completed.body).toMatchObject({ status: "completed", progress: 100, completedAt: expect.any(Number) });
    const again = await alice.request("POST", `/goals/${goal.id}/complete`);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("invalid_state");
    expect((await alice.request("DELETE", `/goals/${goal.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/goals/${goal.id}`)).status).toBe(404);
  });

  it("runs commitments under a goal: complete, skip, approaching deadlines", async () => {
    const { body: goal } = await alice.request("POST", "/goals", { title: "Ship Q3", period: "quarterly" });
    const soon = Date.now() + 3_600_000;
    const { body: first } = await alice.request("POST", "/commitments", {
      title: "Write checklist",
      goalId: goal.id,
      dueAt: soon,
    });
    const { body: second } = await alice.request("POST", "/commitments", {
      title: "Dry run",
      goalId: goal.id,
      dueAt: soon + 86_400_000 * 10,
    });
    const approaching = await alice.request("GET", `/commitments?dueBefore=${soon + 86_400_000}`);
    expect(approaching.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    expect((await alice.request("POST", `/commitments/${first.id}/complete`)).body).toMatchObject({
      status: "completed",
      completedAt: expect.any(Number),
    });
    expect((await alice.request("POST", `/commitments/${second.id}/skip`)).body).toMatchObject({ status: "skipped" });
    expect((await alice.request("POST", `/commitments/${second.id}/complete`)).status).toBe(409);
  });
});

describe("goals: bad input", () => {
  it("refuses database-style enums, ISO dates and out-of-range progress with field paths, writing nothing", async () => {
    const before = await harness.db.goal.count();
    const response = await alice.request("POST", "/goals", {
      title: "",
      period: "QUARTERLY",
      deadline: "2027-01-01",
      progress: 101,
    });
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(["deadline", "period", "progress", "title"]);
    expect(await harness.db.goal.count()).toBe(before);
  });

  it("refuses unknown sorts, bad cursors and non-uuid ids", async () => {
    expect((await alice.request("GET", "/goals?sort=random")).status).toBe(400);
    expect((await alice.request("GET", "/goals?cursor=abc")).status).toBe(400);
    expect((await alice.request("GET", "/goals/not-a-uuid")).status).toBe(400);
    expect((await alice.request("GET", "/commitments?dueBefore=1e20")).status).toBe(400);
  });
});

describe("goals: isolation", () => {
  it("answers 404 for another user's goal on every route, and changes nothing", async () => {
    const { body: goal } = await alice.request("POST", "/goals", { title: "Private", period: "daily" });
    for (const [method, path, body] of [
      ["GET", `/goals/${goal.id}`],
      ["PATCH", `/goals/${goal.id}`, { title: "hacked" }],
      ["DELETE", `/goals/${goal.id}`],
      ["POST", `/goals/${goal.id}/complete`],
    ] as const) {
      const response = await bob.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await bob.request("GET", "/goals")).body.items).toEqual([]);
    expect(await harness.db.goal.findUniqueOrThrow({ where: { id: goal.id } })).toMatchObject({
      title: "Private",
      status: "ACTIVE",
    });
  });

  it("refuses a commitment that points at another user's goal", async () => {
    const { body: goal } = await alice.request("POST", "/goals", { title: "Alice's", period: "daily" });
    const response = await bob.request("POST", "/commitments", { title: "sneaky", goalId: goal.id });
    expect(response.status).toBe(404);
    expect(await harness.db.commitment.count({ where: { goalId: goal.id } })).toBe(0);
  });

  it("needs credentials", async () => {
    expect((await harness.app.request("/goals")).status).toBe(401);
    expect(
      (
        await harness.app.request("/goals", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(401);
  });
});
