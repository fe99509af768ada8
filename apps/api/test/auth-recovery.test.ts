import { describe, expect, it } from "vitest";

import { signUp, useApi, visitor } from "./support/api.ts";

const { harness } = useApi();

const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("password reset", () => {
  it("emails a link whose token works once, changes the password and signs out every session", async () => {
    const user = await signUp(harness, "reset");
    expect((await visitor(harness).request("POST", "/auth/password-reset", { email: user.email })).status).toBe(202);
    const outbox = await visitor(harness).request("GET", "/dev/outbox");
    const mail = (outbox.body as { items: Awaited<ReturnType<typeof harness.mailer.list>> }).items.find(
      (item) => item.to === user.email,
    )!;
    expect(mail.subject).toContain("Reset");
    const token = linkToken(mail.text)!;
    expect(token).toHaveLength(43);
    expect(await harness.db.passwordReset.count({ where: { token } })).toBe(0);

    const confirm = () =>
      visitor(harness).request("POST", "/auth/password-reset/confirm", { token, password: "a brand new passphrase" });
    expect((await confirm()).status).toBe(204);
    expect((await user.request("GET", "/auth/session")).status).toBe(401);
    expect(
      (
        await visitor(harness).request("POST", "/auth/sign-in", {
          email: user.email,
          password: "correct horse battery",
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await visitor(harness).request("POST", "/auth/sign-in", {
          email: user.email,
          password: "a brand new passphrase",
        })
      ).status,
    ).toBe(200);
    const again = await confirm();
    expect(again.status).toBe(400);
    expect(again.body.error?.message).toContain("invalid, used or expired");
  });

  it("makes only the newest link work: asking again invalidates the older ones, also when asked at once", async () => {
    const user = await signUp(harness, "newest");
    const ask = () => visitor(harness).request("POST", "/auth/password-reset", { email: user.email });
    const newestToken = async () =>
      linkToken((await harness.mailer.list()).find((mail) => mail.to === user.email)!.text)!;
    await ask();
    const older = await newestToken();
    await ask();
    const newer = await newestToken();
    expect(newer).not.toBe(older);
    const confirm = (token: string, password: string) =>
      visitor(harness).request("POST", "/auth/password-reset/confirm", { token, password });
    expect((await confirm(older, "older link's passphrase")).status).toBe(400);
    expect((await confirm(newer, "newer link's passphrase")).status).toBe(204);
    expect(
      (
        await visitor(harness).request("POST", "/auth/sign-in", {
          email: user.email,
          password: "newer link's passphrase",
        })
      ).status,
    ).toBe(200);

    expect((await Promise.all(Array.from({ length: 6 }, ask))).map((response) => response.status)).toEqual(
      Array(6).fill(202),
    );
    expect(await harness.db.passwordReset.count({ where: { userId: user.userId, used: false } })).toBe(1);
    const tokens = (await harness.mailer.list())
      .filter((mail) => mail.to === user.email)
      .slice(0, 6)
      .map((mail) => linkToken(mail.text)!);
    const outcomes = await Promise.all(
      tokens.map((token, i) => confirm(token, `parallel passphrase ${i}`).then((response) => response.status)),
    );
    expect(outcomes.filter((status) => status === 204)).toHaveLength(1);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = (await harness.mailer.list()).length;
    const response = await visitor(harness).request("POST", "/auth/password-reset", {
      email: "nobody-here@example.com",
    });
    expect(response.status).toBe(202);
    expect(response.body.message).toContain("If an account exists");
    expect((await harness.mailer.list()).length).toBe(before);
  });

  it("refuses an expired token and leaves the password alone", async () => {
    const user = await signUp(harness, "expired");
    await visitor(harness).request("POST", "/auth/password-reset", { email: user.email });
    const token = linkToken((await harness.mailer.list()).find((mail) => mail.to === user.email)!.text)!;
    await harness.db.passwordReset.updateMany({
      where: { userId: user.userId },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(
      (
        await visitor(harness).request("POST", "/auth/password-reset/confirm", {
          token,
          password: "another new passphrase",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await visitor(harness).request("POST", "/auth/sign-in", {
          email: user.email,
          password: "correct horse battery",
        })
      ).status,
    ).toBe(200);
  });
});

describe("email verification", () => {
  it("verifies an address with the emailed token, once", async () => {
    const user = await signUp(harness, "verify");
    expect((await user.request("POST", "/auth/verify-email/request")).status).toBe(202);
    const token = linkToken(
      (await harness.mailer.list()).find((mail) => mail.to === user.email && mail.subject.includes("Verify"))!.text,
    )!;
    expect((await visitor(harness).request("POST", "/auth/verify-email", { token })).status).toBe(204);
    expect((await user.request("GET", "/auth/session")).body.user.emailVerified).toEqual(expect.any(Number));
    expect((await visitor(harness).request("POST", "/auth/verify-email", { token })).status).toBe(400);
    expect((await user.request("POST", "/auth/verify-email/request")).status).toBe(409);
  });

  it("refuses a made-up token", async () => {
    expect((await visitor(harness).request("POST", "/auth/verify-email", { token: "x".repeat(43) })).status).toBe(400);
  });
});
