import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browser, signedUpBrowser, startApi, type Harness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startApi();
});
afterAll(async () => harness?.close());

const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("password reset", () => {
  it("emails a link whose token works once, changes the password and signs out every session", async () => {
    const user = await signedUpBrowser(harness, "reset");
    expect((await browser(harness).request("POST", "/auth/password-reset", { email: user.email })).status).toBe(202);
    const outbox = await browser(harness).request("GET", "/dev/outbox");
    const mail = outbox.body.items.find((item: { to: string }) => item.to === user.email);
    expect(mail.subject).toContain("Reset");
    const token = linkToken(mail.text)!;
    expect(token).toHaveLength(43);
    expect(await harness.db.passwordReset.count({ where: { token } })).toBe(0);

    const confirm = () => browser(harness).request("POST", "/auth/password-reset/confirm", { token, password: "a brand new passphrase" });
    expect((await confirm()).status).toBe(204);
    expect((await user.request("GET", "/auth/session")).status).toBe(401);
    expect((await browser(harness).request("POST", "/auth/sign-in", { email: user.email, password: "correct horse battery" })).status).toBe(401);
    expect((await browser(harness).request("POST", "/auth/sign-in", { email: user.email, password: "a brand new passphrase" })).status).toBe(200);
    const again = await confirm();
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain("invalid, used or expired");
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = (await harness.mailer.list()).length;
    const response = await browser(harness).request("POST", "/auth/password-reset", { email: "nobody-here@example.com" });
    expect(response.status).toBe(202);
    expect(response.body.message).toContain("If an account exists");
    expect((await harness.mailer.list()).length).toBe(before);
  });

  it("refuses an expired token and leaves the password alone", async () => {
    const user = await signedUpBrowser(harness, "expired");
    await browser(harness).request("POST", "/auth/password-reset", { email: user.email });
    const token = linkToken((await harness.mailer.list()).find((mail) => mail.to === user.email)!.text)!;
    await harness.db.passwordReset.updateMany({ where: { userId: user.userId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await browser(harness).request("POST", "/auth/password-reset/confirm", { token, password: "another new passphrase" })).status).toBe(400);
    expect((await browser(harness).request("POST", "/auth/sign-in", { email: user.email, password: "correct horse battery" })).status).toBe(200);
  });
});

describe("email verification", () => {
  it("verifies an address with the emailed token, once", async () => {
    const user = await signedUpBrowser(harness, "verify");
    expect((await user.request("POST", "/auth/verify-email/request")).status).toBe(202);
    const token = linkToken((await harness.mailer.list()).find((mail) => mail.to === user.email && mail.subject.includes("Verify"))!.text)!;
    expect((await browser(harness).request("POST", "/auth/verify-email", { token })).status).toBe(204);
    expect((await user.request("GET", "/auth/session")).body.user.emailVerified).toEqual(expect.any(Number));
    expect((await browser(harness).request("POST", "/auth/verify-email", { token })).status).toBe(400);
    expect((await user.request("POST", "/auth/verify-email/request")).status).toBe(409);
  });

  it("refuses a made-up token", async () => {
    expect((await browser(harness).request("POST", "/auth/verify-email", { token: "x".repeat(43) })).status).toBe(400);
  });
});

describe("rate limits on the auth routes", () => {
  it("answers 429 with Retry-After past the limit, per client address", async () => {
    const limited = await startApi({ authRateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const attempt = (address: string) => browser(limited).request("POST", "/auth/sign-in", { email: "a@example.com", password: "whatever" }, { "x-forwarded-for": address });
      for (let i = 0; i < 3; i++) expect((await attempt("203.0.113.7")).status).toBe(401);
      const blocked = await attempt("203.0.113.7");
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe("rate_limited");
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await attempt("203.0.113.8")).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
