import { describe, expect, it } from "vitest";

import { newUnsubscribeToken } from "@cto/mail/unsubscribe";

import { useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const NUDGE_PREFS = {
  timezone: "Europe/Berlin",
  coachNudges: { maxPerDay: 3, channels: { inApp: false, telegram: true, email: true } },
  beta: { keep: true },
};

/** A nudge email as the worker writes it, with its token's hash; the raw token is what the link carries. */
const nudgeEmailFor = async (userId: string, kind: "COACH_NUDGE" | "NOTIFICATION" = "COACH_NUDGE") => {
  const { token, hash } = newUnsubscribeToken("nudges");
  await harness.db.mailMessage.create({
    data: {
      userId,
      kind,
      toAddress: "someone@example.com",
      subject: "Cto: a nudge",
      unsubscribeToken: hash,
      status: "SENT",
      sentAt: new Date(),
    },
  });
  return token;
};
const preferencesOf = async (userId: string) =>
  (await harness.db.user.findUniqueOrThrow({ where: { id: userId } })).preferences as Record<string, unknown>;
const setPreferences = (userId: string, preferences: object) =>
  harness.db.user.update({ where: { id: userId }, data: { preferences } });
/** The one-click POST a mail client makes (RFC 8058): a form body, no cookie, no Origin. */
const oneClick = (token: string) =>
  harness.app.request(`/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe("POST /unsubscribe (one-click, no sign-in)", () => {
  it("turns nudge emails off for the token's user and keeps every other preference; repeating is harmless", async () => {
    await setPreferences(alice.userId, NUDGE_PREFS);
    const token = await nudgeEmailFor(alice.userId);

    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "unsubscribed", list: "nudges" });
    expect(await preferencesOf(alice.userId)).toEqual({
      ...NUDGE_PREFS,
      coachNudges: { maxPerDay: 3, channels: { inApp: false, telegram: true, email: false } },
    });
    // Again, and from the web page's button (no body): the same answer, nothing else moves.
    expect((await oneClick(token)).status).toBe(200);
    const page = await harness.app.request(`/unsubscribe?token=${token}`, { method: "POST" });
    expect(page.status).toBe(200);
    expect((await preferencesOf(alice.userId)).coachNudges).toEqual({
      maxPerDay: 3,
      channels: { inApp: false, telegram: true, email: false },
    });
  });

  it("drops the user's nudge emails not sent yet (cancelling their nudges), not someone else's nor one being sent", async () => {
    await setPreferences(alice.userId, NUDGE_PREFS);
    const token = await nudgeEmailFor(alice.userId);
    const pendingNudge = async (userId: string, claimedUntil: Date | null = null) => {
      const nudge = await harness.db.proactiveMessage.create({
        data: { userId, content: "Call Ana", channel: "EMAIL", dedupeKey: `nudge:${crypto.randomUUID()}.EMAIL` },
      });
      const mail = await harness.db.mailMessage.create({
        data: {
          userId,
          kind: "COACH_NUDGE",
          toAddress: "x@example.com",
          subject: "s",
          textBody: "t",
          htmlBody: "h",
          proactiveMessageId: nudge.id,
          unsubscribeToken: newUnsubscribeToken("nudges").hash,
          claimedUntil,
        },
      });
      return { nudge, mail };
    };
    const waiting = await pendingNudge(alice.userId);
    const sending = await pendingNudge(alice.userId, new Date(Date.now() + 60_000));
    const bobs = await pendingNudge(bob.userId);

    expect((await oneClick(token)).status).toBe(200);
    expect(await harness.db.mailMessage.findUnique({ where: { id: waiting.mail.id } })).toBeNull();
    expect((await harness.db.proactiveMessage.findUniqueOrThrow({ where: { id: waiting.nudge.id } })).status).toBe(
      "CANCELLED",
    );
    for (const kept of [sending, bobs]) {
      expect(await harness.db.mailMessage.findUnique({ where: { id: kept.mail.id } })).not.toBeNull();
      expect((await harness.db.proactiveMessage.findUniqueOrThrow({ where: { id: kept.nudge.id } })).status).toBe(
        "PENDING",
      );
    }
    expect((await oneClick(token)).status).toBe(200);
  });

  it("works on preferences that never had nudge settings", async () => {
    await setPreferences(bob.userId, {});
    const token = await nudgeEmailFor(bob.userId);
    expect((await oneClick(token)).status).toBe(200);
    expect(await preferencesOf(bob.userId)).toEqual({ coachNudges: { channels: { email: false } } });
  });

  it("refuses a forged, malformed, unknown or expired token with 400 and changes nothing", async () => {
    await setPreferences(alice.userId, NUDGE_PREFS);
    const real = await nudgeEmailFor(alice.userId);
    const random = real.split(".")[1]!;
    const flipped = `${random.slice(0, -1)}${random.endsWith("A") ? "B" : "A"}`;
    for (const token of [
      `nudges.${flipped}`, // one character off
      newUnsubscribeToken("nudges").token, // well-formed, never issued
      `reports.${random}`, // the right random part for another list
      "nudges.short",
      "x".repeat(200),
    ]) {
      const response = await oneClick(token);
      expect(response.status, token).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({
        code: "bad_request",
        message: expect.stringMatching(/invalid or has expired/),
      });
    }
    // No token, or one too long: a validation error naming the field.
    const missing = await harness.app.request("/unsubscribe", { method: "POST" });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]!.path).toBe(
      "token",
    );
    expect((await oneClick("x".repeat(201))).status).toBe(400);
    // A token of another kind of email (or whose email was deleted after 30 days) does not unsubscribe.
    const other = await nudgeEmailFor(alice.userId, "NOTIFICATION");
    expect((await oneClick(other)).status).toBe(400);
    await harness.db.mailMessage.deleteMany({ where: { userId: alice.userId } });
    expect((await oneClick(real)).status).toBe(400);
    expect(await preferencesOf(alice.userId)).toEqual(NUDGE_PREFS);
  });

  it("moves only the switch of the user the token was made for, whoever sends it", async () => {
    await setPreferences(alice.userId, NUDGE_PREFS);
    await setPreferences(bob.userId, NUDGE_PREFS);
    const bobs = await nudgeEmailFor(bob.userId);
    // Alice, signed in, posting Bob's token: Bob is unsubscribed (the token is his), Alice is not.
    expect((await alice.request("POST", `/unsubscribe?token=${bobs}`)).status).toBe(200);
    expect((await preferencesOf(alice.userId)).coachNudges).toEqual(NUDGE_PREFS.coachNudges);
    expect(((await preferencesOf(bob.userId)).coachNudges as { channels: object }).channels).toMatchObject({
      email: false,
    });
    // No way to name a user: extra parameters are ignored, the token decides.
    await setPreferences(bob.userId, NUDGE_PREFS);
    const alices = await nudgeEmailFor(alice.userId);
    const named = await harness.app.request(`/unsubscribe?token=${alices}&userId=${bob.userId}`, { method: "POST" });
    expect(named.status).toBe(200);
    expect((await preferencesOf(bob.userId)).coachNudges).toEqual(NUDGE_PREFS.coachNudges);
  });

  it("changes nothing on a GET (mail scanners follow links)", async () => {
    await setPreferences(alice.userId, NUDGE_PREFS);
    const token = await nudgeEmailFor(alice.userId);
    const response = await harness.app.request(`/unsubscribe?token=${token}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await preferencesOf(alice.userId)).toEqual(NUDGE_PREFS);
    expect((await oneClick(token)).status).toBe(200);
  });
});

describe("PATCH /me: coachNudges.channels", () => {
  it("merges the channels one by one and refuses a bad one with 400 and its path", async () => {
    await setPreferences(alice.userId, { coachNudges: { maxPerDay: 3, channels: { inApp: false, telegram: true } } });
    const on = await alice.request("PATCH", "/me", { preferences: { coachNudges: { channels: { email: true } } } });
    expect(on.status).toBe(200);
    expect((await preferencesOf(alice.userId)).coachNudges).toEqual({
      maxPerDay: 3,
      channels: { inApp: false, telegram: true, email: true },
    });
    for (const [channels, path] of [
      [{ email: "yes" }, "preferences.coachNudges.channels.email"],
      [{ sms: true }, "preferences.coachNudges.channels"],
    ] as const) {
      const refused = await alice.request("PATCH", "/me", { preferences: { coachNudges: { channels } } });
      expect(refused.status).toBe(400);
      expect(refused.body.error?.details?.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    expect(((await preferencesOf(alice.userId)).coachNudges as { channels: object }).channels).toEqual({
      inApp: false,
      telegram: true,
      email: true,
    });
  });
});
