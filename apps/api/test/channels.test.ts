import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { createApp } from "../src/app.ts";
import { signUp, useApi, visitor } from "./support/api.ts";
import type { Harness } from "./harness.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

describe("notifications", () => {
  it("lists, marks seen and acted on once, and cancels only pending ones", async () => {
    const pending = await harness.db.proactiveMessage.create({
      data: { userId: alice.userId, content: "Write the checklist", channel: "IN_APP", dedupeKey: `k-${alice.userId}` },
    });
    const sent = await harness.db.proactiveMessage.create({
      data: { userId: alice.userId, content: "Report ready", status: "SENT", sentAt: new Date(), channel: "TELEGRAM" },
    });
    const list = await alice.request("GET", "/notifications?unseen=true");
    expect(list.body.items.map((item: { id: string }) => item.id).sort()).toEqual([pending.id, sent.id].sort());
    expect(list.body.items[0]).not.toHaveProperty("dedupeKey");
    expect(
      (await alice.request("GET", "/notifications?channel=telegram")).body.items.map((item: { id: string }) => item.id),
    ).toEqual([sent.id]);

    const seen = await alice.request("POST", `/notifications/${pending.id}/seen`);
    expect(seen.body.seenAt).toEqual(expect.any(Number));
    expect((await alice.request("POST", `/notifications/${pending.id}/seen`)).body.seenAt).toBe(seen.body.seenAt);
    const acted = await alice.request("POST", `/notifications/${pending.id}/acted`);
    expect(acted.body).toMatchObject({ actedAt: expect.any(Number), seenAt: seen.body.seenAt });
    expect(
      (await alice.request("GET", "/notifications?unseen=true")).body.items.map((item: { id: string }) => item.id),
    ).toEqual([sent.id]);

    expect((await alice.request("POST", `/notifications/${pending.id}/cancel`)).body.status).toBe("cancelled");
    const notPending = await alice.request("POST", `/notifications/${sent.id}/cancel`);
    expect(notPending.status).toBe(409);
    expect((await harness.db.proactiveMessage.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("SENT");
  });

  it("hides another user's notifications and refuses writes to the list", async () => {
    const theirs = await harness.db.proactiveMessage.create({ data: { userId: alice.userId, content: "private" } });
    expect((await bob.request("GET", `/notifications/${theirs.id}`)).status).toBe(404);
    expect((await bob.request("POST", `/notifications/${theirs.id}/seen`)).status).toBe(404);
    expect((await harness.db.proactiveMessage.findUniqueOrThrow({ where: { id: theirs.id } })).seenAt).toBeNull();
    expect((await alice.request("POST", "/notifications", { content: "x" })).status).toBe(405);
    expect((await harness.app.request("/notifications")).status).toBe(401);
  });

  it("lists reminder schedules by next run", async () => {
    await harness.db.reminderSchedule.create({
      data: {
        userId: alice.userId,
        kind: "REPORT",
        queueName: "reports",
        jobId: `r-${alice.userId}`,
        nextRunAt: new Date(Date.now() + 1000),
      },
    });
    const list = await alice.request("GET", "/reminder-schedules?kind=report");
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: "report", status: "active", nextRunAt: expect.any(Number) });
    expect((await bob.request("GET", "/reminder-schedules")).body.items).toEqual([]);
  });
});

describe("Telegram linking tokens", () => {
  it("issues a one-time token stored only as a hash, replaces it on request, and refuses while linked", async () => {
    expect(await alice.request("GET", "/telegram")).toMatchObject({ status: 200, body: null });
    const first = await alice.request("POST", "/telegram/link-token");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      isActive: false,
      linkToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      botUsername: null,
      deepLink: null,
    });
    const stored = await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: alice.userId } });
    expect(stored.connectionToken).toBe(createHash("sha256").update(first.body.linkToken).digest("hex"));
    const second = await alice.request("POST", "/telegram/link-token");
    expect(second.body.linkToken).not.toBe(first.body.linkToken);
    expect(
      (await harness.db.telegramConnection.findUniqueOrThrow({ where: { userId: alice.userId } })).connectionToken,
    ).not.toBe(stored.connectionToken);

    await harness.db.telegramConnection.update({
      where: { userId: alice.userId },
      data: {
        isActive: true,
        telegramChatId: "4242",
        connectedAt: new Date(),
        connectionToken: null,
        connectionTokenExpiresAt: null,
      },
    });
    expect((await alice.request("POST", "/telegram/link-token")).status).toBe(409);
    expect((await alice.request("GET", "/telegram")).body).toMatchObject({ isActive: true, telegramChatId: "4242" });
    expect((await bob.request("DELETE", "/telegram")).status).toBe(404);
    expect((await alice.request("DELETE", "/telegram")).status).toBe(204);
    expect(await harness.db.telegramConnection.count({ where: { userId: alice.userId } })).toBe(0);
  });
});

describe("Telegram deep links", () => {
  it("gives a t.me link that starts the configured bot with the token", async () => {
    const withBot: Harness = {
      ...harness,
      app: createApp({
        db: harness.db,
        config: { ...harness.config, telegramBotUsername: "cto_coach_bot" },
        mailer: harness.mailer,
        ai: harness.ai,
      }),
    };
    const carol = await signUp(withBot, "carol");
    const link = await carol.request("POST", "/telegram/link-token");
    expect(link.status).toBe(201);
    expect(link.body.botUsername).toBe("cto_coach_bot");
    // Telegram's start parameter allows up to 64 characters of A-Z, a-z, 0-9, _ and -.
    expect(link.body.deepLink).toBe(`https://t.me/cto_coach_bot?start=${link.body.linkToken}`);
    expect(link.body.linkToken).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe("Telegram bot status", () => {
  it("says whether a chat can be linked on this server and names the bot", async () => {
    expect((await alice.request("GET", "/telegram/bot")).body).toEqual({ linkable: false, botUsername: null });
    const config = { ...harness.config, telegramBotUsername: "cto_coach_bot" };
    const served: Harness = {
      ...harness,
      app: createApp({
        db: harness.db,
        config,
        mailer: harness.mailer,
        ai: harness.ai,
        telegram: { webhookSecret: "status-test-secret" },
      }),
    };
    const dave = await signUp(served, "dave");
    expect((await dave.request("GET", "/telegram/bot")).body).toEqual({ linkable: true, botUsername: "cto_coach_bot" });
    expect((await harness.app.request("/telegram/bot")).status).toBe(401);
  });
});

describe("sessions and connected accounts", () => {
  it("lists your sessions with the current one marked, and signs out another", async () => {
    const laptop = visitor(harness);
    await laptop.request("POST", "/auth/sign-in", { email: alice.email, password: "correct horse battery" });
    const list = await alice.request("GET", "/sessions");
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    expect(list.body.items.filter((item: { current: boolean }) => item.current)).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain("sessionToken");
    const other = list.body.items.find((item: { current: boolean }) => !item.current);
    expect((await bob.request("DELETE", `/sessions/${other!.id}`)).status).toBe(404);
    expect((await alice.request("DELETE", `/sessions/${other!.id}`)).status).toBe(204);
    expect((await laptop.request("GET", "/auth/session")).status).toBe(401);
    expect((await alice.request("GET", "/auth/session")).status).toBe(200);
  });

  it("shows connected accounts without their tokens, and disconnects them", async () => {
    const account = await harness.db.connectedAccount.create({
      data: {
        userId: alice.userId,
        provider: "google",
        providerAccountId: "g-1",
        accessToken: "v1:secret",
        refreshToken: "v1:refresh",
      },
    });
    const list = await alice.request("GET", "/connected-accounts?provider=google");
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain("v1:secret");
    expect((await bob.request("DELETE", `/connected-accounts/${account.id}`)).status).toBe(404);
    expect((await alice.request("DELETE", `/connected-accounts/${account.id}`)).status).toBe(204);
    expect(await harness.db.connectedAccount.count({ where: { id: account.id } })).toBe(0);
  });
});
