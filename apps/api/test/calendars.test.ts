import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { ZCalendarCredentialsSchema } from "@cto/contracts/api/calendars";
import { createSecretBox, loadEncryptionKey } from "@cto/db/secrets";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { buildPrompt, loadCoachContext } from "../src/services/chat/prompt.ts";
import { fieldPaths, useApi } from "./support/api.ts";

const connection = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const queues = createQueues({ connection, prefix: `cto-test-api-calendars-${process.pid}-${Date.now()}` });
afterAll(async () => {
  await queues.close();
  connection.disconnect();
});

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"], dependencies: { queues } });

const feedUrl = () => `https://calendar.example.com/feeds/${randomUUID()}/basic.ics`;

const syncJobsFor = async (connectionId: string) =>
  (await queues.queue("calendars").getJobs(["waiting", "delayed"])).filter(
    (job) => job.data.connectionId === connectionId,
  );

describe("calendars: happy paths", () => {
  it("connects an ICS subscription and a CalDAV account, sealing their secrets, and queues a first sync", async () => {
    const url = feedUrl();
    const ics = await alice.request("POST", "/calendars", { provider: "ics", url });
    expect(ics.status).toBe(201);
    expect(ics.body).toMatchObject({
      provider: "ics",
      label: "calendar.example.com (subscription)",
      status: "active",
      lastSyncAt: null,
      eventCount: 0,
    });
    // The feed's URL is its secret: neither the answer nor the row's plain columns hold it.
    expect(JSON.stringify(ics.body)).not.toContain("/feeds/");
    const row = await harness.db.connectedAccount.findUniqueOrThrow({ where: { id: ics.body.id! } });
    expect(row.accessToken).not.toContain("calendar.example.com");
    expect(row.providerAccountId).not.toContain("/feeds/");
    expect(await syncJobsFor(ics.body.id!)).toHaveLength(1);

    const caldav = await alice.request("POST", "/calendars", {
      provider: "caldav",
      serverUrl: "https://dav.example.com/",
      username: "alice",
      password: "s3cret-app-password",
    });
    expect(caldav.status).toBe(201);
    expect(caldav.body.label).toBe("alice@https://dav.example.com/");
    const sealed = await harness.db.connectedAccount.findUniqueOrThrow({ where: { id: caldav.body.id! } });
    expect(sealed.accessToken).not.toContain("s3cret");

    const list = await alice.request("GET", "/calendars");
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([ics.body.id, caldav.body.id]);
    expect((await bob.request("GET", "/calendars")).body.items).toEqual([]);
  });

  it("syncs on demand and, on disconnect, deletes the calendar's events but no others", async () => {
    const created = await alice.request("POST", "/calendars", { provider: "ics", url: feedUrl() });
    const id = created.body.id!;
    const sync = await alice.request("POST", `/calendars/${id}/sync`);
    expect(sync.status).toBe(202);
    expect(await syncJobsFor(id)).toHaveLength(2);

    const user = await harness.db.connectedAccount.findUniqueOrThrow({ where: { id } });
    await harness.db.event.create({
      data: {
        userId: user.userId,
        title: "Synced",
        startsAt: new Date(),
        source: "ics",
        connectedAccountId: id,
        upstreamObject: "uid-1",
        upstreamKey: "uid-1",
      },
    });
    const own = await harness.db.event.create({
      data: { userId: user.userId, title: "Typed by hand", startsAt: new Date() },
    });
    expect((await alice.request("GET", "/calendars")).body.items.find((item) => item.id === id)?.eventCount).toBe(1);

    expect((await alice.request("DELETE", `/calendars/${id}`)).status).toBe(204);
    expect(await harness.db.event.count({ where: { connectedAccountId: id } })).toBe(0);
    expect(await harness.db.event.findUnique({ where: { id: own.id } })).not.toBeNull();
    expect(await harness.db.connectedAccount.findUnique({ where: { id } })).toBeNull();
  });
});

describe("calendars: the coach", () => {
  it("sees the week's upcoming events, synced ones included, and not cancelled or later ones", async () => {
    const created = await alice.request("POST", "/calendars", { provider: "ics", url: feedUrl() });
    const now = new Date();
    const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    const synced = { userId: alice.userId, source: "ics", connectedAccountId: created.body.id! };
    await harness.db.event.createMany({
      data: [
        {
          ...synced,
          title: "Board meeting",
          startsAt: inHours(26),
          location: "HQ",
          upstreamObject: "a",
          upstreamKey: "a",
        },
        {
          ...synced,
          title: "Cancelled sync",
          startsAt: inHours(5),
          status: "CANCELLED",
          upstreamObject: "b",
          upstreamKey: "b",
        },
        { ...synced, title: "Next month", startsAt: inHours(24 * 30), upstreamObject: "c", upstreamKey: "c" },
        { userId: alice.userId, title: "Dentist", startsAt: inHours(3) },
      ],
    });
    const context = await loadCoachContext(harness.db, alice.userId, undefined, now);
    const system = buildPrompt({ context, sources: [], history: [], now }).messages[0]!.content as string;
    expect(system).toContain("The user's upcoming events (next 7 days):");
    expect(system).toMatch(/- "Dentist", .*\n- "Board meeting", .*, at HQ/);
    expect(system).not.toContain("Cancelled sync");
    expect(system).not.toContain("Next month");
  });
});

describe("calendars: errors", () => {
  it("refuses URLs that are not http(s), hold credentials, or are missing, with the field's path", async () => {
    for (const url of [
      "ftp://example.com/cal.ics",
      "file:///etc/passwd",
      "https://user:pw@example.com/cal.ics",
      "nope",
    ]) {
      const response = await alice.request("POST", "/calendars", { provider: "ics", url });
      expect(response.status, url).toBe(400);
      expect(fieldPaths(response)).toEqual(["url"]);
    }
    const caldav = await alice.request("POST", "/calendars", { provider: "caldav", serverUrl: "javascript:alert(1)" });
    expect(caldav.status).toBe(400);
    expect(fieldPaths(caldav)).toEqual(["password", "serverUrl", "username"]);
    const unknown = await alice.request("POST", "/calendars", { provider: "exchange", url: feedUrl() } as never);
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown)).toEqual(["provider"]);
  });

  it("refuses a URL naming a loopback, private or link-local address, or a name resolving to one (400 on the field)", async () => {
    const before = await harness.db.connectedAccount.count({ where: { userId: alice.userId } });
    for (const [url, address] of [
      ["http://127.0.0.1:6379/", /127\.0\.0\.1 is not a public internet address \(loopback\)/],
      ["http://10.0.0.1/calendar.ics", /10\.0\.0\.1 .*\(private\)/],
      ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 .*\(linkLocal\)/],
      ["http://100.64.0.1/calendar.ics", /\(carrierGradeNat\)/],
      ["http://[::1]:5232/calendar.ics", /::1 .*\(loopback\)/],
      ["http://[::ffff:192.168.0.1]/calendar.ics", /\(private\)/],
      ["http://localhost:5232/calendar.ics", /localhost resolves to (127\.0\.0\.1|::1), which .*\(loopback\)/],
    ] as const) {
      const ics = await alice.request("POST", "/calendars", { provider: "ics", url });
      expect(ics.status, url).toBe(400);
      expect(fieldPaths(ics), url).toEqual(["url"]);
      expect(ics.body.error?.message, url).toMatch(address);
      const caldav = await alice.request("POST", "/calendars", {
        provider: "caldav",
        serverUrl: url,
        username: "alice",
        password: "pw",
      });
      expect(caldav.status, url).toBe(400);
      expect(fieldPaths(caldav), url).toEqual(["serverUrl"]);
    }
    expect(await harness.db.connectedAccount.count({ where: { userId: alice.userId } })).toBe(before);
  });

  it("lets the networks CALENDAR_ALLOW_PRIVATE_NETWORKS lists through, and only those", async () => {
    harness.config.calendarPrivateNetworks = ["127.0.0.1/32"];
    try {
      const allowed = await alice.request("POST", "/calendars", {
        provider: "ics",
        url: `http://127.0.0.1:5232/${randomUUID()}.ics`,
      });
      expect(allowed.status).toBe(201);
      const other = await alice.request("POST", "/calendars", { provider: "ics", url: "http://10.0.0.1/calendar.ics" });
      expect(other.status).toBe(400);
      expect(fieldPaths(other)).toEqual(["url"]);
      await alice.request("DELETE", `/calendars/${allowed.body.id}`);
    } finally {
      harness.config.calendarPrivateNetworks = false;
    }
  });

  it("refuses the same calendar twice (409) and another user's calendar (404)", async () => {
    const url = feedUrl();
    expect((await alice.request("POST", "/calendars", { provider: "ics", url })).status).toBe(201);
    expect((await alice.request("POST", "/calendars", { provider: "ics", url })).status).toBe(409);
    const bobs = await bob.request("POST", "/calendars", { provider: "ics", url });
    expect(bobs.status).toBe(201);
    expect((await alice.request("POST", `/calendars/${bobs.body.id}/sync`)).status).toBe(404);
    expect((await alice.request("DELETE", `/calendars/${bobs.body.id}`)).status).toBe(404);
    expect(await harness.db.connectedAccount.count({ where: { id: bobs.body.id! } })).toBe(1);
  });

  it("refuses to sync a calendar whose sync is off (409) and queues nothing", async () => {
    const created = await alice.request("POST", "/calendars", { provider: "ics", url: feedUrl() });
    const id = created.body.id!;
    await harness.db.connectedAccount.update({ where: { id }, data: { syncEnabled: false } });
    const before = (await syncJobsFor(id)).length;
    const sync = await alice.request("POST", `/calendars/${id}/sync`);
    expect(sync.status).toBe(409);
    expect(sync.body).toMatchObject({ error: { message: "Syncing is turned off for this calendar." } });
    expect(await syncJobsFor(id)).toHaveLength(before);
    const listed = (await alice.request("GET", "/calendars")).body.items.find((item) => item.id === id);
    expect(listed).toMatchObject({ syncEnabled: false });
  });

  it("seals credentials the worker can open", async () => {
    const created = await bob.request("POST", "/calendars", {
      provider: "caldav",
      serverUrl: "https://dav.example.com/bob/",
      username: "bob",
      password: "pw",
    });
    const row = await harness.db.connectedAccount.findUniqueOrThrow({ where: { id: created.body.id! } });
    expect(row.accessToken).toMatch(/^v1:/);
    // The app's default box seals with the data folder's key, which the worker's box opens too.
    const opened = JSON.parse(createSecretBox(loadEncryptionKey()).decrypt(row.accessToken));
    expect(ZCalendarCredentialsSchema.parse(opened)).toEqual({
      provider: "caldav",
      serverUrl: "https://dav.example.com/bob/",
      username: "bob",
      password: "pw",
    });
  });
});
