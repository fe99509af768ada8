import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Job } from "bullmq";
import { createDAVClient } from "tsdav";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TCalendarCredentials } from "@cto/contracts/api/calendars";
import type { Db } from "@cto/db/client";
import { createSecretBox } from "@cto/db/secrets";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { REGISTRY } from "../src/jobs/registry.ts";
import { SCHEDULES } from "../src/jobs/schedules.ts";
import { syncCalendar } from "../src/services/calendars/sync.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

const secrets = createSecretBox(randomBytes(32));
const NOW = new Date("2026-12-07T10:00:00Z");
const RADICALE = {
  url: `http://127.0.0.1:${process.env.RADICALE_PORT ?? 5232}/`,
  username: process.env.RADICALE_USER ?? "cto",
  password: process.env.RADICALE_PASSWORD ?? "cto-radicale",
};

const vevent = (uid: string, summary: string, start: string, extra: string[] = []) => [
  "BEGIN:VEVENT",
  `UID:${uid}`,
  "DTSTAMP:20261201T000000Z",
  `DTSTART:${start}`,
  `SUMMARY:${summary}`,
  ...extra,
  "END:VEVENT",
];
const vcalendar = (...events: string[][]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cto tests//EN", ...events.flat(), "END:VCALENDAR", ""].join("\r\n");

/** An ICS feed served by a local server whose answer each test sets: body, status, delay; with an ETag. */
const startFeedServer = async () => {
  const feed = { body: vcalendar(), status: 200, delayMs: 0, requests: 0, notModified: 0 };
  const server: Server = createServer((request, response) => {
    feed.requests += 1;
    const etag = `"${Buffer.from(feed.body).toString("base64url").slice(-16)}-${feed.body.length}"`;
    setTimeout(() => {
      if (feed.status !== 200) return response.writeHead(feed.status).end("upstream trouble");
      if (request.headers["if-none-match"] === etag) {
        feed.notModified += 1;
        return response.writeHead(304).end();
      }
      response.writeHead(200, { "content-type": "text/calendar", etag }).end(feed.body);
    }, feed.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics?token=${randomUUID()}`;
  return { feed, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const connect = async (db: Db, userId: string, credentials: TCalendarCredentials) =>
  db.connectedAccount.create({
    data: {
      userId,
      provider: credentials.provider,
      providerAccountId: randomUUID(),
      accessToken: secrets.encrypt(JSON.stringify(credentials)),
    },
  });

const eventsOf = (db: Db, connectedAccountId: string) =>
  db.event.findMany({ where: { connectedAccountId }, orderBy: [{ startsAt: "asc" }, { upstreamKey: "asc" }] });

const makeUser = (db: Db) => db.user.create({ data: { email: `calendars-${randomUUID()}@example.com` } });

// One database target is enough: the sync's SQL is plain upserts and deletes.
const target = testTargets()[0]!;

describe(`calendars/sync from an ICS subscription (${target.name})`, () => {
  const handle = useMigratedDatabase(target);
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(() => server.close());
  // The feed server is on 127.0.0.1: these tests allow private networks (the refusals are tested below).
  const sync = (connectionId: string, now = NOW, timeoutMs = 2_000) =>
    syncCalendar({ db: handle.db, secrets, connectionId, now, timeoutMs, allowPrivateNetworks: true });

  it("is scheduled, and each sync job dispatches to its processor", () => {
    expect(SCHEDULES.find((entry) => entry.queue === "calendars")).toMatchObject({
      job: "schedule",
      repeat: { every: 5 * 60_000 },
    });
    expect(REGISTRY.filter((entry) => entry.queue === "calendars").map((entry) => entry.job)).toEqual([
      "sync",
      "schedule",
    ]);
  });

  it("creates, changes and deletes events as the feed does, without duplicates, and skips an unchanged feed", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const connection = await connect(db, user.id, { provider: "ics", url: server.url });
    server.feed.status = 200;
    server.feed.body = vcalendar(
      vevent("standup", "Standup", "20261208T090000Z", ["DTEND:20261208T091500Z", "RRULE:FREQ=DAILY;COUNT=3"]),
      vevent("review", "Design review", "20261210T140000Z", ["DTEND:20261210T150000Z", "LOCATION:Room 4"]),
      vevent("old", "Long ago", "20240101T090000Z"),
    );
    expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 4, deleted: 0 });
    let events = await eventsOf(db, connection.id);
    // The recurring event is expanded, one row per occurrence; the event before the window is left out.
    expect(events.map((event) => [event.title, event.startsAt.toISOString()])).toEqual([
      ["Standup", "2026-12-08T09:00:00.000Z"],
      ["Standup", "2026-12-09T09:00:00.000Z"],
      ["Standup", "2026-12-10T09:00:00.000Z"],
      ["Design review", "2026-12-10T14:00:00.000Z"],
    ]);
    expect(events[3]).toMatchObject({ userId: user.id, source: "ics", location: "Room 4", upstreamKey: "review" });
    const reviewId = events[3]!.id;

    // Unchanged upstream: a 304, nothing written.
    expect(await sync(connection.id)).toMatchObject({ outcome: "synced", unchanged: true });
    expect(server.feed.notModified).toBe(1);

    // The review moves, one standup is cancelled, and a new event appears.
    server.feed.body = vcalendar(
      vevent("standup", "Standup", "20261208T090000Z", ["DTEND:20261208T091500Z", "RRULE:FREQ=DAILY;COUNT=2"]),
      vevent("review", "Design review (moved)", "20261211T140000Z", ["DTEND:20261211T150000Z"]),
      vevent("lunch", "Lunch with Ana", "20261212T120000Z"),
    );
    await sync(connection.id);
    await sync(connection.id);
    events = await eventsOf(db, connection.id);
    expect(events.map((event) => event.title)).toEqual([
      "Standup",
      "Standup",
      "Design review (moved)",
      "Lunch with Ana",
    ]);
    // The same row, updated in place.
    expect(events[2]).toMatchObject({ id: reviewId, location: null, startsAt: new Date("2026-12-11T14:00:00Z") });

    // Deleted upstream: gone here too.
    server.feed.body = vcalendar(vevent("lunch", "Lunch with Ana", "20261212T120000Z"));
    expect(await sync(connection.id)).toMatchObject({ outcome: "synced", deleted: 3 });
    expect((await eventsOf(db, connection.id)).map((event) => event.upstreamKey)).toEqual(["lunch"]);
    const after = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after).toMatchObject({ status: "ACTIVE", errorMessage: null, lastSyncAt: NOW });
  });

  it("keeps what reminders read to tell busy time: free (TRANSP), cancelled, tentative and all-day events", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const connection = await connect(db, user.id, { provider: "ics", url: server.url });
    server.feed.status = 200;
    server.feed.body = vcalendar(
      vevent("busy", "Busy", "20261208T090000Z", ["DTEND:20261208T100000Z", "TRANSP:OPAQUE"]),
      vevent("free", "Free", "20261208T110000Z", ["DTEND:20261208T120000Z", "TRANSP:TRANSPARENT"]),
      vevent("cancelled", "Cancelled", "20261208T130000Z", ["DTEND:20261208T140000Z", "STATUS:CANCELLED"]),
      vevent("maybe", "Maybe", "20261208T150000Z", ["DTEND:20261208T160000Z", "STATUS:TENTATIVE"]),
      [
        "BEGIN:VEVENT",
        "UID:day",
        "DTSTAMP:20261201T000000Z",
        "DTSTART;VALUE=DATE:20261209",
        "SUMMARY:Day",
        "END:VEVENT",
      ],
    );
    expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 5 });
    const events = await eventsOf(db, connection.id);
    expect(events.map((event) => [event.title, event.status, event.allDay, event.metadata])).toEqual([
      ["Busy", "CONFIRMED", false, {}],
      ["Free", "CONFIRMED", false, { transparency: "TRANSPARENT" }],
      ["Cancelled", "CANCELLED", false, {}],
      ["Maybe", "TENTATIVE", false, {}],
      ["Day", "CONFIRMED", true, {}],
    ]);
  });

  it("marks a malformed feed on its connection and keeps what was synced; other calendars are unharmed", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const broken = await connect(db, user.id, { provider: "ics", url: server.url });
    const other = await startFeedServer();
    try {
      other.feed.body = vcalendar(vevent("other", "Other calendar", "20261209T080000Z"));
      const healthy = await connect(db, user.id, { provider: "ics", url: other.url });
      server.feed.status = 200;
      server.feed.body = vcalendar(vevent("kept", "Kept", "20261209T100000Z"));
      await sync(broken.id);

      server.feed.body = "BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n";
      expect(await sync(broken.id)).toMatchObject({ outcome: "failed" });
      const row = await db.connectedAccount.findUniqueOrThrow({ where: { id: broken.id } });
      expect(row.status).toBe("ERROR");
      expect(row.errorMessage).toMatch(/^The calendar is not valid iCalendar/);
      expect((await eventsOf(db, broken.id)).map((event) => event.title)).toEqual(["Kept"]);

      expect(await sync(healthy.id)).toMatchObject({ outcome: "synced", written: 1 });
      expect(await db.connectedAccount.findUniqueOrThrow({ where: { id: healthy.id } })).toMatchObject({
        status: "ACTIVE",
      });

      // Fixed upstream: the next sync clears the error.
      server.feed.body = vcalendar(vevent("kept", "Kept", "20261209T100000Z"));
      await sync(broken.id, new Date(NOW.getTime() + 60_000));
      expect(await db.connectedAccount.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({
        status: "ACTIVE",
        errorMessage: null,
      });
    } finally {
      await other.close();
    }
  });

  it("throws for a server that fails or times out (BullMQ retries), noting it and losing nothing", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const connection = await connect(db, user.id, { provider: "ics", url: server.url });
    server.feed.status = 200;
    server.feed.body = vcalendar(vevent("safe", "Safe", "20261209T100000Z"));
    await sync(connection.id);

    server.feed.status = 500;
    await expect(sync(connection.id, new Date(NOW.getTime() + DAY))).rejects.toThrow("answered HTTP 500");
    expect(await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({
      status: "ERROR",
      errorMessage: "The calendar server answered HTTP 500.",
      lastSyncAt: NOW,
    });
    expect((await eventsOf(db, connection.id)).map((event) => event.title)).toEqual(["Safe"]);

    server.feed.status = 200;
    server.feed.delayMs = 1_000;
    await expect(sync(connection.id, new Date(NOW.getTime() + DAY), 200)).rejects.toThrow("no answer within 200 ms");
    expect((await eventsOf(db, connection.id)).map((event) => event.title)).toEqual(["Safe"]);
    server.feed.delayMs = 0;

    // Through the registered processor: a throw is what makes BullMQ retry the job.
    const { deps } = createTestDeps({ prefix: testPrefix("calendars"), db, now: () => NOW });
    deps.secrets = secrets;
    deps.calendarTimeoutMs = 2_000;
    deps.calendarAllowPrivateNetworks = true;
    const processor = REGISTRY.find((entry) => entry.queue === "calendars" && entry.job === "sync")!;
    server.feed.status = 503;
    await expect(processor.run({ data: { connectionId: connection.id } } as Job, deps)).rejects.toThrow("HTTP 503");
    server.feed.status = 200;
    await expect(processor.run({ data: { connectionId: connection.id } } as Job, deps)).resolves.toMatchObject({
      outcome: "synced",
    });
    await deps.queues.close();
  });

  it("the schedule enqueues one sync per calendar due, once per period", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const due = await connect(db, user.id, { provider: "ics", url: server.url });
    const { deps } = createTestDeps({ prefix: testPrefix("calendars-schedule"), db, now: () => NOW });
    const schedule = REGISTRY.find((entry) => entry.queue === "calendars" && entry.job === "schedule")!;
    try {
      await schedule.run({ data: {} } as Job, deps);
      await schedule.run({ data: {} } as Job, deps);
      const jobs = await deps.queues.queue("calendars").getJobs(["waiting"]);
      expect(jobs.filter((job) => job.data.connectionId === due.id)).toHaveLength(1);
    } finally {
      await deps.queues.close();
    }
  });
});

describe(`calendars/sync refuses addresses that are not public (${target.name})`, () => {
  const handle = useMigratedDatabase(target);
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  let redirector: Server;
  let redirectTo = "";
  let redirectorUrl = "";
  beforeAll(async () => {
    server = await startFeedServer();
    server.feed.body = vcalendar(vevent("feed-event", "Feed event", "20261209T100000Z"));
    redirector = createServer((_request, response) => response.writeHead(302, { location: redirectTo }).end());
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/moved.ics`;
  });
  afterAll(async () => {
    await server.close();
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });

  const expectRefused = async (
    credentials: TCalendarCredentials,
    address: RegExp,
    allowPrivateNetworks?: readonly string[],
  ) => {
    const { db } = handle;
    const user = await makeUser(db);
    const connection = await connect(db, user.id, credentials);
    const requestsBefore = server.feed.requests;
    // Not thrown: a refusal is final, so BullMQ does not retry it.
    const result = await syncCalendar({
      db,
      secrets,
      connectionId: connection.id,
      now: NOW,
      timeoutMs: 2_000,
      ...(allowPrivateNetworks ? { allowPrivateNetworks } : {}),
    });
    expect(result).toMatchObject({ outcome: "failed" });
    const row = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.status).toBe("ERROR");
    expect(row.errorMessage).toMatch(/^The calendar's address is refused: /);
    expect(row.errorMessage).toMatch(address);
    expect(row.errorMessage).toContain("CALENDAR_ALLOW_PRIVATE_NETWORKS");
    expect(row.lastSyncAt).toBeNull();
    expect(await eventsOf(db, connection.id)).toEqual([]);
    expect(server.feed.requests, "the feed server was not asked").toBe(requestsBefore);
  };

  it("refuses loopback, private and link-local literals, [::1], and a name resolving to loopback, by default", async () => {
    const port = new URL(server.url).port;
    await expectRefused(
      { provider: "ics", url: server.url },
      /127\.0\.0\.1 is not a public internet address \(loopback\)/,
    );
    await expectRefused({ provider: "ics", url: "http://10.0.0.1/calendar.ics" }, /10\.0\.0\.1 .*\(private\)/);
    await expectRefused(
      { provider: "ics", url: "http://169.254.169.254/latest/meta-data/" },
      /169\.254\.169\.254 .*\(linkLocal\)/,
    );
    await expectRefused({ provider: "ics", url: `http://[::1]:${port}/calendar.ics` }, /::1 .*\(loopback\)/);
    await expectRefused(
      { provider: "ics", url: `http://localhost:${port}/calendar.ics` },
      /localhost resolves to (127\.0\.0\.1|::1), which .*\(loopback\)/,
    );
    await expectRefused(
      { provider: "caldav", serverUrl: `http://localhost:${port}/`, username: "u", password: "p" },
      /localhost resolves to/,
    );
  });

  it("refuses a redirect to a private address, even when the first server may be reached", async () => {
    // Only the redirector's address is allowed: its answer must not lead the worker anywhere else.
    for (const [target, address] of [
      ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 .*\(linkLocal\)/],
      ["http://10.0.0.1/calendar.ics", /10\.0\.0\.1 .*\(private\)/],
      [server.url.replace("127.0.0.1", "127.0.0.2"), /127\.0\.0\.2 .*\(loopback\)/],
    ] as const) {
      redirectTo = target;
      await expectRefused({ provider: "ics", url: redirectorUrl }, address, ["127.0.0.1/32"]);
    }
  });

  it("follows a redirect to an allowed address", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    redirectTo = server.url;
    const connection = await connect(db, user.id, { provider: "ics", url: redirectorUrl });
    const result = await syncCalendar({
      db,
      secrets,
      connectionId: connection.id,
      now: NOW,
      timeoutMs: 2_000,
      allowPrivateNetworks: ["127.0.0.1/32"],
    });
    expect(result).toMatchObject({ outcome: "synced", written: 1 });
    expect((await eventsOf(db, connection.id)).map((event) => event.title)).toEqual(["Feed event"]);
  });
});

const DAY = 24 * 60 * 60 * 1000;

const radicaleAnswers = async () => {
  try {
    const response = await fetch(`${RADICALE.url}${RADICALE.username}/`, {
      method: "PROPFIND",
      headers: {
        depth: "0",
        authorization: `Basic ${Buffer.from(`${RADICALE.username}:${RADICALE.password}`).toString("base64")}`,
      },
      signal: AbortSignal.timeout(2_000),
    });
    return response.status === 207;
  } catch {
    return false;
  }
};
const radicale = await radicaleAnswers();
if (!radicale) {
  const reason = `no Radicale at ${RADICALE.url} (run tooling/scripts/ensure-radicale.sh)`;
  if (process.env.CI) throw new Error(`CI runs the CalDAV tests and cannot: ${reason}`);
  console.warn(`\n[cto] CalDAV sync tests are SKIPPED: ${reason}\n`);
}

describe.runIf(radicale)(`calendars/sync from CalDAV, against Radicale (${target.name})`, () => {
  const handle = useMigratedDatabase(target);
  const calendarUrl = `${RADICALE.url}${RADICALE.username}/cto-test-${randomUUID()}/`;
  let client: Awaited<ReturnType<typeof createDAVClient>>;
  beforeAll(async () => {
    client = await createDAVClient({
      serverUrl: RADICALE.url,
      credentials: { username: RADICALE.username, password: RADICALE.password },
      authMethod: "Basic",
      defaultAccountType: "caldav",
    });
    await client.makeCalendar({ url: calendarUrl, props: { displayname: "Cto test" } });
  });
  afterAll(() => client?.deleteObject({ url: calendarUrl }));
  const mine = async (db: Db, connectionId: string) =>
    (await eventsOf(db, connectionId)).filter((event) =>
      event.upstreamObject?.startsWith(new URL(calendarUrl).pathname),
    );
  const put = async (name: string, body: string) => {
    const response = await fetch(`${calendarUrl}${name}`, {
      method: "PUT",
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        authorization: `Basic ${Buffer.from(`${RADICALE.username}:${RADICALE.password}`).toString("base64")}`,
      },
      body,
    });
    expect(response.ok).toBe(true);
  };

  it("follows a calendar as events are created, changed and deleted upstream", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const connection = await connect(db, user.id, { provider: "caldav", serverUrl: RADICALE.url, ...RADICALE });
    const sync = (now = NOW) =>
      syncCalendar({ db, secrets, connectionId: connection.id, now, timeoutMs: 5_000, allowPrivateNetworks: true });

    await put("one.ics", vcalendar(vevent("caldav-one", "One", "20261209T100000Z", ["DTEND:20261209T110000Z"])));
    await put(
      "weekly.ics",
      vcalendar(vevent("caldav-weekly", "Weekly sync", "20261207T150000Z", ["RRULE:FREQ=WEEKLY;COUNT=3"])),
    );
    expect(await sync()).toMatchObject({ outcome: "synced" });
    let events = await mine(db, connection.id);
    expect(events.map((event) => [event.title, event.startsAt.toISOString()])).toEqual([
      ["Weekly sync", "2026-12-07T15:00:00.000Z"],
      ["One", "2026-12-09T10:00:00.000Z"],
      ["Weekly sync", "2026-12-14T15:00:00.000Z"],
      ["Weekly sync", "2026-12-21T15:00:00.000Z"],
    ]);
    const oneId = events[1]!.id;

    // Nothing changed: the ctag matches and nothing is written.
    expect(await sync()).toMatchObject({ outcome: "synced", written: 0, deleted: 0 });

    await put("one.ics", vcalendar(vevent("caldav-one", "One (renamed)", "20261209T100000Z")));
    await client.deleteObject({ url: `${calendarUrl}weekly.ics` });
    await put("two.ics", vcalendar(vevent("caldav-two", "Two", "20261210T100000Z")));
    expect(await sync()).toMatchObject({ outcome: "synced", written: 2, deleted: 3 });
    events = await mine(db, connection.id);
    expect(events.map((event) => event.title)).toEqual(["One (renamed)", "Two"]);
    expect(events[0]!.id).toBe(oneId);
  });

  it("notes refused credentials on the connection without retrying, and loses nothing", async () => {
    const { db } = handle;
    const user = await makeUser(db);
    const connection = await connect(db, user.id, {
      provider: "caldav",
      serverUrl: RADICALE.url,
      username: RADICALE.username,
      password: "wrong password",
    });
    expect(
      await syncCalendar({
        db,
        secrets,
        connectionId: connection.id,
        now: NOW,
        timeoutMs: 5_000,
        allowPrivateNetworks: true,
      }),
    ).toMatchObject({
      outcome: "failed",
    });
    const row = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.status).toBe("ERROR");
    expect(row.errorMessage).toMatch(/refused access \(HTTP 401\)/);
  });
});
