import { randomBytes } from "node:crypto";

import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";

import { createSecretBox } from "@cto/db/secrets";

import { GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { fieldPaths, signUp, useApi, visitor, type TClient } from "./support/api.ts";

// Real TOTP codes, computed with the library the API checks them with; only the clock's step is chosen.
const secrets = createSecretBox(randomBytes(32));
const WRONG_LIMIT = 6;
const { harness } = useApi({
  config: { authLimits: { ...GENEROUS_AUTH_LIMITS, secondFactorFailures: { limit: WRONG_LIMIT, windowMs: 60_000 } } },
  dependencies: { secrets },
});
const PASSWORD = "correct horse battery";

const codeAt = (secret: string, step: number) => generateSync({ secret, epoch: step * 30 });
const currentStep = () => Math.floor(Date.now() / 30_000);
/** The code of the step after the last one the API accepted for this user (within its one-step tolerance). */
const nextCode = async (userId: string, secret: string) => {
  const factor = await harness.db.totpFactor.findUniqueOrThrow({ where: { userId } });
  return codeAt(secret, (factor.lastStep ?? currentStep() - 1) + 1);
};

/** A new user with two-factor on: their client (step-up fresh from the confirmation), secret and recovery codes. */
const enrolled = async (name: string) => {
  const user = await signUp(harness, name);
  const enrolment = await user.request("POST", "/auth/two-factor/totp");
  expect(enrolment.status).toBe(201);
  const { secret } = enrolment.body;
  const confirmed = await user.request("POST", "/auth/two-factor/totp/confirm", {
    code: codeAt(secret, currentStep()),
  });
  expect(confirmed.status).toBe(200);
  return { user, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
};

const passwordStep = async (client: TClient, email: string) => {
  const response = await client.request("POST", "/auth/sign-in", { email, password: PASSWORD });
  expect(response.status).toBe(202);
  return response.body as { challengeToken: string; methods: string[]; expiresAt: number; status: string };
};

describe("enrolment", () => {
  it("gives a sealed secret and an otpauth URI, turns on only with a right code, and shows recovery codes once, hashed", async () => {
    const user = await signUp(harness, "enrol");
    expect((await user.request("GET", "/auth/two-factor")).body).toMatchObject({ totp: "off", recoveryCodesLeft: 0 });
    const enrolment = await user.request("POST", "/auth/two-factor/totp");
    expect(enrolment.status).toBe(201);
    const { secret, otpauthUri } = enrolment.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Cto:/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain(encodeURIComponent(user.email));
    const stored = await harness.db.totpFactor.findUniqueOrThrow({ where: { userId: user.userId } });
    expect(stored.secret).not.toContain(secret);
    expect(secrets.decrypt(stored.secret)).toBe(secret);
    expect((await user.request("GET", "/auth/two-factor")).body.totp).toBe("enrolling");
    // Not on yet: the password alone still signs in.
    const before = await visitor(harness).request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD });
    expect(before.status).toBe(200);

    const wrong = await user.request("POST", "/auth/two-factor/totp/confirm", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(fieldPaths(wrong)).toEqual(["code"]);
    const confirmed = await user.request("POST", "/auth/two-factor/totp/confirm", {
      code: codeAt(secret, currentStep()),
    });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await harness.db.recoveryCode.findMany({ where: { userId: user.userId } });
    expect(hashes).toHaveLength(10);
    for (const row of hashes) expect(codes.some((code) => row.codeHash.includes(code.replace("-", "")))).toBe(false);
    expect((await user.request("GET", "/auth/two-factor")).body).toMatchObject({ totp: "on", recoveryCodesLeft: 10 });
    expect((await user.request("POST", "/auth/two-factor/totp")).status).toBe(409);
    expect((await user.request("POST", "/auth/two-factor/totp/confirm", { code: "123456" })).status).toBe(409);
  });

  it("is a signed-in person's: an API key can neither read nor change it", async () => {
    const user = await signUp(harness, "keyholder");
    const key = (await user.request("POST", "/api-keys", { name: "script" })).body.key;
    const bearer = { authorization: `Bearer ${key}` };
    const client = visitor(harness);
    expect((await client.request("GET", "/auth/two-factor", undefined, bearer)).status).toBe(403);
    expect((await client.request("POST", "/auth/two-factor/totp", undefined, bearer)).status).toBe(403);
  });
});

describe("sign-in with a second factor", () => {
  it("answers a right password with a challenge, and a right code with a session (once per challenge)", async () => {
    const { user, secret } = await enrolled("totp-sign-in");
    const browser = visitor(harness);
    const challenge = await passwordStep(browser, user.email);
    expect(challenge).toMatchObject({ status: "second_factor_required", methods: ["totp", "recovery_code"] });
    expect(challenge.expiresAt).toBeGreaterThan(Date.now());
    expect(browser.cookie).toBe("");
    const stored = await harness.db.signInChallenge.findMany({ where: { userId: user.userId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(challenge.challengeToken);

    const code = await nextCode(user.userId, secret);
    const signedIn = await browser.request("POST", "/auth/sign-in/second-factor", {
      challengeToken: challenge.challengeToken,
      code,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(user.email);
    expect(browser.cookie).toMatch(/^cto_session=/);
    const sessions = (await browser.request("GET", "/sessions")).body.items;
    expect(sessions.find((session) => session.current)).toMatchObject({ signInMethod: "password_totp" });
    expect(sessions.find((session) => !session.current)).toMatchObject({ signInMethod: "password" });

    // The challenge is spent; and the code, even with a new challenge, is not accepted twice.
    const reused = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken: challenge.challengeToken,
      code,
    });
    expect(reused.status).toBe(401);
    const again = await passwordStep(visitor(harness), user.email);
    const replayed = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken: again.challengeToken,
      code,
    });
    expect(replayed.status).toBe(400);
    expect(fieldPaths(replayed)).toEqual(["code"]);
  });

  it("takes each recovery code once, whatever its case and dashes", async () => {
    const { user, recoveryCodes } = await enrolled("recovery");
    const [first] = recoveryCodes;
    const browser = visitor(harness);
    const { challengeToken } = await passwordStep(browser, user.email);
    const signedIn = await browser.request("POST", "/auth/sign-in/second-factor", {
      challengeToken,
      method: "recovery_code",
      code: ` ${first!.toUpperCase().replace("-", "")} `,
    });
    expect(signedIn.status).toBe(200);
    const sessions = (await browser.request("GET", "/sessions")).body.items;
    expect(sessions.find((session) => session.current)?.signInMethod).toBe("password_recovery_code");
    expect((await browser.request("GET", "/auth/two-factor")).body.recoveryCodesLeft).toBe(9);

    const second = await passwordStep(visitor(harness), user.email);
    const reused = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken: second.challengeToken,
      method: "recovery_code",
      code: first,
    });
    expect(reused.status).toBe(400);
    // A TOTP code is not a recovery code, nor the other way round.
    const crossed = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken: second.challengeToken,
      method: "totp",
      code: recoveryCodes[1],
    });
    expect(crossed.status).toBe(400);
  });

  it("refuses wrong codes, and spends the challenge at the fifth", async () => {
    const { user, secret } = await enrolled("wrong-codes");
    const { challengeToken } = await passwordStep(visitor(harness), user.email);
    for (const code of ["000000", "12345", "abcdef", "1234567", "999999"]) {
      const wrong = await visitor(harness).request("POST", "/auth/sign-in/second-factor", { challengeToken, code });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.code).toBe("validation_failed");
    }
    const right = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken,
      code: await nextCode(user.userId, secret),
    });
    expect(right.status).toBe(401);
  });

  it("refuses an expired, forged or missing challenge token with a clear error", async () => {
    const { user, secret } = await enrolled("expired");
    const { challengeToken } = await passwordStep(visitor(harness), user.email);
    await harness.db.signInChallenge.updateMany({
      where: { userId: user.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const code = await nextCode(user.userId, secret);
    const expired = await visitor(harness).request("POST", "/auth/sign-in/second-factor", { challengeToken, code });
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toMatch(/expired/);
    expect(await harness.db.signInChallenge.count({ where: { userId: user.userId } })).toBe(0);
    const forged = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken: randomBytes(32).toString("base64url"),
      code,
    });
    expect(forged.status).toBe(401);
    const missing = await visitor(harness).request("POST", "/auth/sign-in/second-factor", { code });
    expect(missing.status).toBe(400);
    expect(fieldPaths(missing)).toEqual(["challengeToken"]);
    const badMethod = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken,
      method: "sms",
      code,
    });
    expect(fieldPaths(badMethod)).toEqual(["method"]);
  });

  it("limits wrong codes per account like sign-in, right codes included once the limit is reached", async () => {
    const { user, secret } = await enrolled("limited");
    let refused = 0;
    for (let attempt = 0; attempt < WRONG_LIMIT + 1; attempt += 1) {
      // A fresh challenge each time (five wrong codes spend one): the account's own count is what stops this.
      const { challengeToken } = await passwordStep(visitor(harness), user.email);
      const response = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
        challengeToken,
        code: "000000",
      });
      if (response.status === 429) refused += 1;
      else expect(response.status).toBe(400);
    }
    expect(refused).toBe(1);
    const { challengeToken } = await passwordStep(visitor(harness), user.email);
    const right = await visitor(harness).request("POST", "/auth/sign-in/second-factor", {
      challengeToken,
      code: await nextCode(user.userId, secret),
    });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    // Step-ups count against the same limit.
    expect((await user.request("POST", "/auth/two-factor/verify", { code: "000000" })).status).toBe(429);
  });
});

describe("sensitive actions", () => {
  it("want a second factor proven on the session in the last ten minutes; API keys are not asked", async () => {
    const { user, secret } = await enrolled("step-up");
    // Confirming counts as a step-up.
    const key = await user.request("POST", "/api-keys", { name: "fresh" });
    expect(key.status).toBe(201);
    expect((await user.request("GET", "/auth/two-factor")).body.stepUpUntil).toBeGreaterThan(Date.now());

    await harness.db.session.updateMany({
      where: { userId: user.userId },
      data: { secondFactorAt: new Date(Date.now() - 11 * 60_000) },
    });
    const refused = await user.request("POST", "/api-keys", { name: "stale" });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe("second_factor_required");
    expect((await user.request("GET", "/me/export")).status).toBe(403);
    const deletion = await user.request("DELETE", "/me", { password: PASSWORD });
    expect(deletion.body.error?.code).toBe("second_factor_required");
    expect((await user.request("GET", "/auth/two-factor")).body.stepUpUntil).toBeNull();

    const bearer = { authorization: `Bearer ${key.body.key}` };
    expect((await visitor(harness).request("GET", "/me/export", undefined, bearer)).status).toBe(200);

    const wrong = await user.request("POST", "/auth/two-factor/verify", { code: "000000" });
    expect(wrong.status).toBe(400);
    const verified = await user.request("POST", "/auth/two-factor/verify", {
      code: await nextCode(user.userId, secret),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.stepUpUntil).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect((await user.request("POST", "/api-keys", { name: "after step-up" })).status).toBe(201);
    expect((await user.request("GET", "/me/export")).status).toBe(200);
  });

  it("are not asked of an account without two-factor", async () => {
    const user = await signUp(harness, "plain");
    expect((await user.request("POST", "/api-keys", { name: "plain" })).status).toBe(201);
    const step = await user.request("POST", "/auth/two-factor/verify", { code: "123456" });
    expect(step.status).toBe(409);
  });
});

describe("turning it off and new recovery codes", () => {
  it("needs a code, then deletes the secret and codes; sign-in is one step again", async () => {
    const { user, recoveryCodes } = await enrolled("disable");
    const wrong = await user.request("POST", "/auth/two-factor/totp/disable", { code: "000000" });
    expect(wrong.status).toBe(400);
    const renewed = await user.request("POST", "/auth/two-factor/recovery-codes", {
      method: "recovery_code",
      code: recoveryCodes[0],
    });
    expect(renewed.status).toBe(200);
    const fresh: string[] = renewed.body.recoveryCodes;
    expect(fresh).toHaveLength(10);
    const old = await user.request("POST", "/auth/two-factor/totp/disable", {
      method: "recovery_code",
      code: recoveryCodes[1],
    });
    expect(old.status).toBe(400);
    const off = await user.request("POST", "/auth/two-factor/totp/disable", {
      method: "recovery_code",
      code: fresh[0],
    });
    expect(off.status).toBe(204);
    expect((await user.request("GET", "/auth/two-factor")).body).toMatchObject({ totp: "off", recoveryCodesLeft: 0 });
    expect(await harness.db.totpFactor.count({ where: { userId: user.userId } })).toBe(0);
    expect(await harness.db.recoveryCode.count({ where: { userId: user.userId } })).toBe(0);
    const signIn = await visitor(harness).request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD });
    expect(signIn.status).toBe(200);
  });
});

describe("new-device email", () => {
  it("is sent through the mailer for a browser and network the account has not used, not for a known one", async () => {
    const user = await signUp(harness, "devices");
    const newSignIns = () => harness.db.mailMessage.findMany({ where: { userId: user.userId, kind: "NEW_SIGN_IN" } });
    // The same browser (no user agent, like sign-up's) from the same place: nothing new.
    expect(
      (await visitor(harness).request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD })).status,
    ).toBe(200);
    expect(await newSignIns()).toHaveLength(0);
    const agent = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) <b>Firefox</b>/140.0" };
    const other = await visitor(harness).request(
      "POST",
      "/auth/sign-in",
      { email: user.email, password: PASSWORD },
      agent,
    );
    expect(other.status).toBe(200);
    const mails = await newSignIns();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("New sign-in to your Cto account");
    const sent = (await harness.mailer.list()).find((mail) => mail.to === user.email)!;
    expect(sent.text).toContain("Firefox");
    expect(sent.html).toContain("&lt;b&gt;Firefox");
    expect(sent.html).not.toContain("<b>Firefox");
    // That browser is known now.
    await visitor(harness).request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD }, agent);
    expect(await newSignIns()).toHaveLength(1);
  });
});
