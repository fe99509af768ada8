import { randomBytes, randomUUID } from "node:crypto";

import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TCalendarOAuthProvider } from "@cto/contracts/api/calendars";
import { startCalendarStandIn, type TCalendarStandIn } from "@cto/core/testing/calendar-providers";
import type { Db } from "@cto/db/client";
import { createSecretBox } from "@cto/db/secrets";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { REGISTRY } from "../src/jobs/registry.ts";
import { syncCalendar } from "../src/services/calendars/sync.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

const secrets = createSecretBox(randomBytes(32));
const NOW = new Date("2026-12-07T10:00:00Z");
const HOUR = 3_600_000;
const target = testTargets()[0]!;

const makeUser = (db: Db) => db.user.create({ data: { email: `calendars-oauth-${randomUUID()}@example.com` } });

/** A connection as the API's callback leaves it: the stand-in's tokens for a fresh account, sealed. */
const connect = async (db: Db, standIn: TCalendarStandIn, provider: TCalendarOAuthProvider, expiresAt: Date) => {
  const account = `${randomUUID()}@example.com`;
  const tokens = standIn.issueTokens(account);
  const user = await makeUser(db);
  const row = await db.connectedAccount.create({
    data: {
      userId: user.id,
      provider,
      providerAccountId: account,
      accessToken: secrets.encrypt(tokens.access_token),
      refreshToken: secrets.encrypt(tokens.refresh_token),
      tokenExpires: expiresAt,
      scopes: [standIn.settings.scope],
    },
  });
  return { ...row, account };
};

const titlesOf = async (db: Db, connectedAccountId: string) =>
  (await db.event.findMany({ where: { connectedAccountId }, orderBy: { startsAt: "asc" } })).map(
    (event) => event.title,
  );

for (const provider of ["google", "microsoft"] as const) {
  describe(`calendars/sync from ${provider} (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    let standIn: TCalendarStandIn;
    beforeAll(async () => {
      standIn = await startCalendarStandIn(provider);
    });
    afterAll(() => standIn.close());
    const sync = (connectionId: string, now = NOW, timeoutMs = 2_000) =>
      syncCalendar({ db: handle.db, secrets, connectionId, now, timeoutMs, oauth: [standIn.settings] });
    /** The first calendar API request a sync made: how it began (a listing, or a sync token / delta link). */
    const firstRequestOf = async (run: () => Promise<unknown>) => {
      const from = standIn.state.requests.length;
      await run();
      return standIn.state.requests[from] ?? "";
    };

    it("syncs every page, then only the changes: new, changed and deleted events, never duplicated", async () => {
      const { db } = handle;
      const connection = await connect(db, standIn, provider, new Date(NOW.getTime() + HOUR));
      standIn.state.pageSize = 2;
      for (const [index, title] of ["Standup", "Design review", "Lunch", "Retro", "1:1"].entries())
        standIn.put(
          {
            id: `event-${index}`,
            title,
            start: `2026-12-${String(8 + index).padStart(2, "0")}T09:00:00Z`,
            end: `2026-12-${String(8 + index).padStart(2, "0")}T10:00:00Z`,
            ...(index === 1 ? { location: "Room 4" } : {}),
          },
          connection.account,
        );
      // Before the window (30 days back): left out.
      standIn.put({ id: "old", title: "Long ago", start: "2026-01-05T09:00:00Z" }, connection.account);

      expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 5, deleted: 0 });
      expect(await titlesOf(db, connection.id)).toEqual(["Standup", "Design review", "Lunch", "Retro", "1:1"]);
      const review = await db.event.findFirstOrThrow({
        where: { connectedAccountId: connection.id, title: "Design review" },
      });
      expect(review).toMatchObject({ source: provider, location: "Room 4", upstreamKey: "event-1", type: "meeting" });
      expect(standIn.state.requests.filter((path) => /pageToken|skiptoken/.test(path)).length).toBeGreaterThanOrEqual(
        2,
      );

      standIn.put(
        { id: "event-1", title: "Design review (moved)", start: "2026-12-15T14:00:00Z", end: "2026-12-15T15:00:00Z" },
        connection.account,
      );
      standIn.remove("event-2", connection.account);
      standIn.put({ id: "event-9", title: "Offsite", start: "2026-12-20T08:00:00Z" }, connection.account);
      // Incremental: the sync token or delta link, not a new listing.
      expect(
        await firstRequestOf(async () =>
          expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 2, deleted: 1 }),
        ),
      ).toMatch(provider === "google" ? /syncToken=sync-/ : /deltatoken=/);
      await sync(connection.id);
      await sync(connection.id);
      expect(await titlesOf(db, connection.id)).toEqual([
        "Standup",
        "Retro",
        "1:1",
        "Design review (moved)",
        "Offsite",
      ]);
      expect(await db.event.findFirstOrThrow({ where: { id: review.id } })).toMatchObject({
        title: "Design review (moved)",
        location: null,
      });
      expect(await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({
        status: "ACTIVE",
        errorMessage: null,
        lastSyncAt: NOW,
      });

      // A forgotten sync state (410 Gone): a full listing, which also drops what it no longer has.
      standIn.forgetSyncState();
      standIn.remove("event-0", connection.account);
      expect(await sync(connection.id)).toMatchObject({ outcome: "synced", deleted: 1 });
      expect(await titlesOf(db, connection.id)).toEqual(["Retro", "1:1", "Design review (moved)", "Offsite"]);
      expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 0, deleted: 0 });

      // A new day moves the window: listed in full again, nothing doubled.
      expect(await firstRequestOf(() => sync(connection.id, new Date(NOW.getTime() + 24 * HOUR)))).toMatch(
        provider === "google" ? /timeMin=/ : /startDateTime=/,
      );
      expect(await titlesOf(db, connection.id)).toEqual(["Retro", "1:1", "Design review (moved)", "Offsite"]);
      standIn.state.pageSize = 100;
    });

    it("renews an expired access token, and one the API refuses (401), storing the new tokens sealed", async () => {
      const { db } = handle;
      const connection = await connect(db, standIn, provider, new Date(NOW.getTime() - HOUR));
      standIn.put({ id: "renewed", title: "After renewal", start: "2026-12-09T09:00:00Z" }, connection.account);
      const refreshes = standIn.state.refreshes;
      expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 1 });
      expect(standIn.state.refreshes).toBe(refreshes + 1);
      const renewed = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
      expect(secrets.decrypt(renewed.accessToken)).not.toBe(secrets.decrypt(connection.accessToken));
      expect(renewed.accessToken).not.toMatch(/^access-/);
      expect(renewed.tokenExpires).toEqual(new Date(NOW.getTime() + HOUR));

      // Still valid by its expiry, but refused: renewed once, and the request made again.
      standIn.expireAccessTokens();
      standIn.put({ id: "second", title: "After the 401", start: "2026-12-10T09:00:00Z" }, connection.account);
      expect(await sync(connection.id)).toMatchObject({ outcome: "synced", written: 1 });
      expect(standIn.state.refreshes).toBe(refreshes + 2);
      expect(await titlesOf(db, connection.id)).toEqual(["After renewal", "After the 401"]);
    });

    it("marks the connection EXPIRED when the renewal is refused, keeps its events and does not retry", async () => {
      const { db } = handle;
      const connection = await connect(db, standIn, provider, new Date(NOW.getTime() + HOUR));
      standIn.put({ id: "kept", title: "Kept", start: "2026-12-09T09:00:00Z" }, connection.account);
      await sync(connection.id);
      standIn.expireAccessTokens();
      standIn.state.refuseRefresh = true;
      try {
        // Returned, not thrown: BullMQ does not retry it.
        const result = await sync(connection.id);
        expect(result).toMatchObject({ outcome: "failed" });
        const row = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
        expect(row.status).toBe("EXPIRED");
        expect(row.errorMessage).toMatch(/refused to renew Cto's access \(invalid_grant\).*connect the calendar again/);
        expect(await titlesOf(db, connection.id)).toEqual(["Kept"]);
      } finally {
        standIn.state.refuseRefresh = false;
      }
    });

    it("throws for a server error or a timeout (BullMQ retries), losing nothing, and then catches up", async () => {
      const { db } = handle;
      const connection = await connect(db, standIn, provider, new Date(NOW.getTime() + HOUR));
      standIn.state.pageSize = 1;
      standIn.put({ id: "safe", title: "Safe", start: "2026-12-09T09:00:00Z" }, connection.account);
      await sync(connection.id);
      standIn.put({ id: "later-1", title: "Later 1", start: "2026-12-10T09:00:00Z" }, connection.account);
      standIn.put({ id: "later-2", title: "Later 2", start: "2026-12-11T09:00:00Z" }, connection.account);
      standIn.remove("safe", connection.account);

      // The second page fails: nothing of the first is written, the cursor stays.
      standIn.state.failures = [0, 500];
      const before = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
      await expect(sync(connection.id)).rejects.toThrow("answered HTTP 500");
      let row = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
      expect(row).toMatchObject({ status: "ERROR", errorMessage: `${standIn.settings.name} answered HTTP 500.` });
      expect(row.syncCursor).toEqual(before.syncCursor);
      expect(await titlesOf(db, connection.id)).toEqual(["Safe"]);

      standIn.state.delayMs = 500;
      await expect(sync(connection.id, NOW, 200)).rejects.toThrow("no answer within 200 ms");
      standIn.state.delayMs = 0;
      expect(await titlesOf(db, connection.id)).toEqual(["Safe"]);

      // Through the registered processor: a throw is what makes BullMQ retry the job; then it succeeds.
      const { deps } = createTestDeps({ prefix: testPrefix("calendars-oauth"), db, now: () => NOW });
      deps.secrets = secrets;
      deps.calendarTimeoutMs = 2_000;
      deps.calendarOAuth = [standIn.settings];
      const processor = REGISTRY.find((entry) => entry.queue === "calendars" && entry.job === "sync")!;
      standIn.state.failures = [503];
      await expect(processor.run({ data: { connectionId: connection.id } } as Job, deps)).rejects.toThrow("HTTP 503");
      await expect(processor.run({ data: { connectionId: connection.id } } as Job, deps)).resolves.toMatchObject({
        outcome: "synced",
      });
      await deps.queues.close();
      expect(await titlesOf(db, connection.id)).toEqual(["Later 1", "Later 2"]);
      row = await db.connectedAccount.findUniqueOrThrow({ where: { id: connection.id } });
      expect(row).toMatchObject({ status: "ACTIVE", errorMessage: null });
      standIn.state.pageSize = 100;
    });

    it("without the provider's OAuth client on the worker, says so and does not retry", async () => {
      const { db } = handle;
      const connection = await connect(db, standIn, provider, new Date(NOW.getTime() + HOUR));
      const result = await syncCalendar({ db, secrets, connectionId: connection.id, now: NOW, oauth: [] });
      expect(result).toMatchObject({ outcome: "failed", error: expect.stringMatching(/CALENDAR_.*_CLIENT_ID/) });
    });
  });
}
