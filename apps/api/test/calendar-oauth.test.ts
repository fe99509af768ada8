import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MAX_CALENDARS_PER_USER } from "@cto/contracts/api/calendars";
import { startCalendarStandIn, type TCalendarStandIn } from "@cto/core/testing/calendar-providers";
import { createSecretBox } from "@cto/db/secrets";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";

import { createCalendarOAuth, type TCalendarOAuth } from "../src/services/calendar-oauth.ts";
import { WEB_ORIGIN } from "./harness.ts";
import { useApi } from "./support/api.ts";

// Google's and Microsoft's OAuth endpoints and calendar APIs as local stand-ins (@cto/core/testing):
// the flow runs end to end, the browser's redirects followed by hand.
const CALLBACK_BASE = `${WEB_ORIGIN}/api`;
const secrets = createSecretBox(randomBytes(32));
const stands: { google?: TCalendarStandIn; microsoft?: TCalendarStandIn; oauth?: TCalendarOAuth } = {};
const connection = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const queues = createQueues({ connection, prefix: `cto-test-api-calendar-oauth-${process.pid}-${Date.now()}` });

beforeAll(async () => {
  stands.google = await startCalendarStandIn("google");
  stands.microsoft = await startCalendarStandIn("microsoft");
  stands.oauth = createCalendarOAuth([stands.google.settings, stands.microsoft.settings], CALLBACK_BASE);
});
afterAll(async () => {
  await Promise.all([stands.google?.close(), stands.microsoft?.close()]);
  await queues.close();
  connection.disconnect();
});

const {
  harness,
  users: [alice, bob],
} = useApi({
  users: ["alice", "bob"],
  dependencies: {
    secrets,
    queues,
    get calendarOAuth() {
      return stands.oauth;
    },
  },
});

/** One request as the browser sends it: the session and any other cookies, and the SPA's Origin. */
const send = async (method: string, path: string, cookies: string[]) => {
  const response = await harness.app.request(path, {
    method,
    headers: { origin: WEB_ORIGIN, cookie: cookies.filter(Boolean).join("; ") },
  });
  const flow = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("cto_calendar_oauth=") && pair !== "cto_calendar_oauth=");
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    flow,
    text: await response.text(),
  };
};

/** Starts a connect as `cookie`'s user and lets the stand-in sign `account` in: the callback's path and the flow cookie. */
const toCallback = async (
  provider: "google" | "microsoft",
  cookie: string,
  account: string,
  tamper: (url: URL) => void = () => {},
) => {
  const start = await send("POST", `/calendars/oauth/${provider}/start`, [cookie]);
  expect(start.status).toBe(200);
  const authorize = new URL((JSON.parse(start.text) as { url: string }).url);
  authorize.searchParams.set("login_hint", account);
  tamper(authorize);
  const response = await fetch(authorize, { redirect: "manual" });
  const back = response.headers.get("location") ?? "";
  expect(back.startsWith(`${CALLBACK_BASE}/calendars/oauth/${provider}/callback?`)).toBe(true);
  return { path: back.slice(CALLBACK_BASE.length), flow: start.flow ?? "", authorize };
};

const rowsOf = (userId: string, provider: string) =>
  harness.db.connectedAccount.findMany({ where: { userId, provider } });

const syncJobsFor = async (connectionId: string) =>
  (await queues.queue("calendars").getJobs(["waiting", "delayed"])).filter(
    (job) => job.data.connectionId === connectionId,
  );

describe("calendars: connecting Google and Microsoft 365", () => {
  it("lists the providers this server can connect", async () => {
    const list = await alice.request("GET", "/calendars");
    expect(list.status).toBe(200);
    expect(list.body.oauthProviders).toEqual(["google", "microsoft"]);
  });

  for (const provider of ["google", "microsoft"] as const) {
    it(`${provider}: the whole flow stores the tokens sealed, names the account and queues a first sync`, async () => {
      const account = `ada-${randomUUID()}@example.com`;
      const { path, flow, authorize } = await toCallback(provider, alice.cookie, account);
      // What the provider was asked for: read-only calendars, offline access, PKCE.
      expect(authorize.searchParams.get("scope")).toBe(stands[provider]!.settings.scope);
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      if (provider === "google") expect(authorize.searchParams.get("access_type")).toBe("offline");
      else expect(authorize.searchParams.get("scope")).toContain("offline_access");

      const callback = await send("GET", path, [flow]);
      expect(callback.status).toBe(302);
      expect(callback.location).toBe(`${WEB_ORIGIN}/settings?calendar=connected#connections`);
      const [row, ...others] = await rowsOf(alice.userId, provider);
      expect(others).toEqual([]);
      expect(row).toMatchObject({ providerAccountId: account, status: "ACTIVE" });
      // Sealed: neither token is stored as the provider issued it.
      expect(row!.accessToken).not.toMatch(/^access-/);
      expect(secrets.decrypt(row!.accessToken)).toMatch(/^access-/);
      expect(secrets.decrypt(row!.refreshToken!)).toMatch(/^refresh-/);
      expect(row!.tokenExpires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      expect(await syncJobsFor(row!.id)).toHaveLength(1);

      const list = await alice.request("GET", "/calendars");
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ id: row!.id, provider, label: account, status: "active" }),
      );
      expect((await bob.request("GET", "/calendars")).body.items).toEqual([]);

      // The same callback again (its cookie replayed): the code is spent, a 400, nothing more stored.
      const replay = await send("GET", path, [flow]);
      expect(replay.status).toBe(400);
      expect(JSON.parse(replay.text)).toMatchObject({ error: { code: "bad_request" } });
      // And without the flow's cookie (the browser dropped it): refused before the provider is asked.
      expect((await send("GET", path, [])).status).toBe(400);
      expect(await rowsOf(alice.userId, provider)).toHaveLength(1);

      // Connecting the same account again renews its tokens in place and clears an expiry.
      await harness.db.connectedAccount.update({ where: { id: row!.id }, data: { status: "EXPIRED" } });
      const again = await toCallback(provider, alice.cookie, account);
      expect((await send("GET", again.path, [again.flow])).status).toBe(302);
      const [renewed, ...none] = await rowsOf(alice.userId, provider);
      expect(none).toEqual([]);
      expect(renewed).toMatchObject({ id: row!.id, status: "ACTIVE" });
      expect(secrets.decrypt(renewed!.accessToken)).not.toBe(secrets.decrypt(row!.accessToken));
    });
  }

  it("refuses a forged state with a 400 and stores nothing", async () => {
    const before = await rowsOf(bob.userId, "google");
    const forged = await toCallback("google", bob.cookie, `eve-${randomUUID()}@example.com`, (url) =>
      url.searchParams.set("state", "forged-state"),
    );
    const answer = await send("GET", forged.path, [forged.flow]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({
      error: { code: "bad_request", message: expect.stringContaining("not started in this browser") },
    });
    // Another browser's flow (its cookie) with this callback: its state differs too.
    const mine = await toCallback("google", bob.cookie, `bob-${randomUUID()}@example.com`);
    const theirs = await toCallback("google", alice.cookie, `alice-${randomUUID()}@example.com`);
    expect((await send("GET", mine.path, [theirs.flow])).status).toBe(400);
    expect(await rowsOf(bob.userId, "google")).toEqual(before);
  });

  it("sends the browser back to Settings when the user cancels at the provider", async () => {
    const { path, flow } = await toCallback("microsoft", bob.cookie, `bob-${randomUUID()}@example.com`);
    const state = new URL(path, WEB_ORIGIN).searchParams.get("state") ?? "";
    const cancelled = await send(
      "GET",
      `/calendars/oauth/microsoft/callback?${new URLSearchParams({ error: "access_denied", state })}`,
      [flow],
    );
    expect(cancelled).toMatchObject({
      status: 302,
      location: `${WEB_ORIGIN}/settings?calendar_error=cancelled#connections`,
    });
    expect(await rowsOf(bob.userId, "microsoft")).toEqual([]);
  });

  it("sends the browser back to Settings when the user has as many calendars as there can be, storing nothing", async () => {
    const { userId } = bob;
    const kept = await harness.db.connectedAccount.count({ where: { userId } });
    await harness.db.connectedAccount.createMany({
      data: Array.from({ length: MAX_CALENDARS_PER_USER - kept }, (_, index) => ({
        userId,
        provider: "ics",
        providerAccountId: `feed-${index}-${randomUUID()}`,
        accessToken: secrets.encrypt(JSON.stringify({ provider: "ics", url: "https://calendar.example.com/x.ics" })),
      })),
    });
    try {
      const { path, flow } = await toCallback("google", bob.cookie, `bob-${randomUUID()}@example.com`);
      expect(await send("GET", path, [flow])).toMatchObject({
        status: 302,
        location: `${WEB_ORIGIN}/settings?calendar_error=limit#connections`,
      });
      expect(await rowsOf(userId, "google")).toEqual([]);
    } finally {
      await harness.db.connectedAccount.deleteMany({ where: { userId, provider: "ics" } });
    }
  });

  it("starts only in a signed-in browser, and only for a provider this server has", async () => {
    expect((await send("POST", "/calendars/oauth/google/start", [])).status).toBe(401);
    expect((await send("POST", "/calendars/oauth/outlook/start", [alice.cookie])).status).toBe(400);
    const none = createCalendarOAuth([], CALLBACK_BASE);
    expect(none.list()).toEqual([]);
    await expect(none.begin("google")).rejects.toMatchObject({ code: "not_found" });
  });
});
