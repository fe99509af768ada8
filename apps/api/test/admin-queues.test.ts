import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProducerConnection, createWorkerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { signUp, visitor } from "./support/api.ts";
import { startApi, withDeps, type Harness } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** What the queue board's own API lists (it is not in the OpenAPI document). */
type TBoardListing = {
  queues: Array<{ name: string; counts: Record<string, number>; jobs: Array<Record<string, unknown>> }>;
};

describe("Bull Board on /admin/queues", () => {
  let base: Harness;
  let board: Harness;
  const prefix = `cto-test-admin-queues-${process.pid}-${Date.now()}`;
  const connection = createProducerConnection(redisUrl);
  const queues = createQueues({ connection, prefix });
  beforeAll(async () => {
    base = await startApi();
    board = withDeps(base, { queues });
  });
  afterAll(async () => {
    await queues.queue("reminders").obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await base.close();
  });
  const admin = async (harness: Harness) => {
    const client = await signUp(harness, "admin");
    await base.db.user.update({ where: { id: client.userId }, data: { role: "ADMIN" } });
    return client;
  };

  it("answers 401 signed out and 403 to a non-admin, in the API's error shape", async () => {
    const anonymous = await visitor(board).request("GET", "/admin/queues");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: "unauthorized" });
    const user = await signUp(board, "plain");
    for (const path of ["/admin/queues", "/admin/queues/api/queues"]) {
      const response = await user.request("GET", path);
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: "forbidden", requestId: expect.any(String) });
    }
    expect((await user.request("PUT", "/admin/queues/api/queues/reminders/retry/failed")).status).toBe(403);
  });

  it("answers 503 to an admin when the API runs without queues", async () => {
    const client = await admin(base);
    const response = await client.request("GET", "/admin/queues");
    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({ code: "service_unavailable" });
  });

  it("shows an admin the board and every queue, with failed jobs visible and retryable", async () => {
    const client = await admin(board);
    const page = await board.app.request("/admin/queues", { headers: { cookie: client.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Cto queues");
    // The UI's own scripts are served from the board's static folder.
    const script = html.match(/src="(static\/js\/main[^"]*\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await board.app.request(new URL(script!, "http://localhost/admin/queues/").pathname, {
      headers: { cookie: client.cookie },
    });
    expect(asset.status).toBe(200);

    // A job that fails for good: its error is shown, and a retry puts it back in line.
    const payload = {
      kind: "commitment" as const,
      entityId: crypto.randomUUID(),
      userId: crypto.randomUUID(),
      remindAt: Date.now(),
    };
    const { id } = await queues.enqueue("reminders", "due", payload, { attempts: 1 });
    const worker = new Worker(
      "reminders",
      async () => {
        throw new Error("the database said no");
      },
      { connection: createWorkerConnection(redisUrl), prefix },
    );
    await new Promise<void>((resolve) => worker.once("failed", () => resolve()));
    await worker.close();

    const listing = await client.request(
      "GET",
      "/admin/queues/api/queues?activeQueue=reminders&status=failed&page=1&jobsPerPage=10",
    );
    expect(listing.status).toBe(200);
    const { queues: shown } = listing.body as TBoardListing;
    const names = shown.map((queue) => queue.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "reminders",
        "reports",
        "metrics",
        "telegram",
        "embeddings",
        "ocr",
        "knowledge",
        "stories",
        "maintenance",
      ]),
    );
    const reminders = shown.find((queue) => queue.name === "reminders")!;
    expect(reminders.counts.failed).toBe(1);
    expect(reminders.jobs[0]).toMatchObject({ id, failedReason: "the database said no" });

    const retried = await client.request("PUT", `/admin/queues/api/queues/reminders/${id}/retry`);
    expect(retried.status).toBeLessThan(300);
    expect(await (await queues.queue("reminders").getJob(id))?.getState()).toBe("waiting");
  });
});
