import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";

import { WEB_ORIGIN } from "./harness.ts";
import { fieldPaths, signUp, useApi, visitor, type TClient, type TUser } from "./support/api.ts";
import { softAuthenticator, type TSoftAuthenticator } from "./support/soft-authenticator.ts";

// Real WebAuthn ceremonies: a software authenticator (support/soft-authenticator.ts) signs with ES256
// keys, and the API checks its answers with @simplewebauthn/server as it would a browser's.
const { harness } = useApi();
const PASSWORD = "correct horse battery";

type TOptions = { challenge: string; rpId?: string; allowCredentials?: { id: string }[]; userVerification?: string };

/** Adds a passkey on the user's session through the API; answers the stored row's id. */
const addPasskey = async (user: TClient, authenticator: TSoftAuthenticator, name = "Laptop") => {
  const options = await user.request("POST", "/auth/passkeys/options");
  expect(options.status).toBe(200);
  const added = await user.request("POST", "/auth/passkeys", { response: authenticator.register(options.body), name });
  expect(added.status).toBe(201);
  return added.body.id as string;
};

/** Turns two-factor on with an authenticator app (which proves a second factor on this session). */
const turnOnTwoFactor = async (user: TUser) => {
  const { secret } = (await user.request("POST", "/auth/two-factor/totp")).body;
  expect((await user.request("POST", "/auth/two-factor/totp/confirm", { code: generateSync({ secret }) })).status).toBe(
    200,
  );
};

/** Forgets the second factor this user's sessions proved, as ten minutes would. */
const staleStepUp = (user: TUser) =>
  harness.db.session.updateMany({ where: { userId: user.userId }, data: { secondFactorAt: null } });

/** A new user with two-factor on and one passkey. */
const withPasskey = async (name: string) => {
  const user = await signUp(harness, name);
  await turnOnTwoFactor(user);
  const authenticator = softAuthenticator(WEB_ORIGIN);
  const passkeyId = await addPasskey(user, authenticator);
  return { user, authenticator, passkeyId };
};

const signInOptions = async (client: TClient) => {
  const options = await client.request("POST", "/auth/sign-in/passkey/options");
  expect(options.status).toBe(200);
  return options.body as TOptions;
};

const passwordStep = async (client: TClient, email: string) => {
  const response = await client.request("POST", "/auth/sign-in", { email, password: PASSWORD });
  expect(response.status).toBe(202);
  return response.body as { challengeToken: string; methods: string[] };
};

const stepUp = async (user: TUser, authenticator: TSoftAuthenticator) => {
  const options = await user.request("POST", "/auth/two-factor/passkey/options");
  expect(options.status).toBe(200);
  const proven = await user.request("POST", "/auth/two-factor/passkey", {
    response: authenticator.authenticate(options.body),
  });
  expect(proven.status).toBe(200);
};

const currentMethod = async (client: TClient) =>
  (await client.request("GET", "/sessions")).body.items.find((session: { current: boolean }) => session.current)
    ?.signInMethod;

describe("registering a passkey", () => {
  it("asks for a discoverable credential for WEB_ORIGIN's host, keeps its public key and lists it without it", async () => {
    const user = await signUp(harness, "register");
    const options = await user.request("POST", "/auth/passkeys/options");
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      rp: { id: "127.0.0.1", name: "Cto" },
      user: { name: user.email },
      authenticatorSelection: { residentKey: "required" },
    });
    const authenticator = softAuthenticator(WEB_ORIGIN);
    const response = authenticator.register(options.body);
    const added = await user.request("POST", "/auth/passkeys", { response, name: "Work laptop" });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: "Work laptop", transports: ["internal"], lastUsedAt: null });

    const row = await harness.db.authenticator.findUniqueOrThrow({ where: { id: added.body.id } });
    expect(row).toMatchObject({
      userId: user.userId,
      credentialID: response.id,
      providerAccountId: response.id,
      counter: 0,
    });
    expect(Object.keys(added.body)).not.toContain("credentialPublicKey");
    const list = await user.request("GET", "/auth/passkeys");
    expect(list.body.items).toHaveLength(1);
    expect((await user.request("GET", "/auth/two-factor")).body).toMatchObject({ totp: "off", passkeys: 1 });
    // Two-factor off: a passkey is another way in, not a second step after the password.
    const password = await visitor(harness).request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD });
    expect(password.status).toBe(200);

    const renamed = await user.request("PATCH", `/auth/passkeys/${added.body.id}`, { name: "Phone" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Phone");
    const unnamed = await user.request("PATCH", `/auth/passkeys/${added.body.id}`, { name: " " });
    expect(unnamed.status).toBe(400);
    expect(fieldPaths(unnamed)).toEqual(["name"]);
  });

  it("refuses an answer from another origin, a replayed one, and one another session asked for", async () => {
    const user = await signUp(harness, "register-refusals");
    const authenticator = softAuthenticator(WEB_ORIGIN);
    const options = (await user.request("POST", "/auth/passkeys/options")).body;
    const phished = await user.request("POST", "/auth/passkeys", {
      response: authenticator.register(options, { origin: "https://cto.example.evil" }),
    });
    expect(phished.status).toBe(400);
    expect(phished.body.error?.message).toMatch(/origin/i);
    // The phished answer spent the challenge: the right answer to the same options is refused too.
    const late = await user.request("POST", "/auth/passkeys", { response: authenticator.register(options) });
    expect(late.status).toBe(400);
    expect(fieldPaths(late)).toEqual(["response.response.clientDataJSON"]);

    // The options are bound to the session that asked: the same user on another browser, or another
    // user, cannot finish them.
    const otherBrowser = visitor(harness);
    const signedIn = await otherBrowser.request("POST", "/auth/sign-in", { email: user.email, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const stranger = await signUp(harness, "register-other");
    for (const client of [otherBrowser, stranger]) {
      const fresh = (await user.request("POST", "/auth/passkeys/options")).body;
      const refused = await client.request("POST", "/auth/passkeys", { response: authenticator.register(fresh) });
      expect(refused.status).toBe(400);
      expect(fieldPaths(refused)).toEqual(["response.response.clientDataJSON"]);
    }
    expect(await harness.db.authenticator.count({ where: { userId: { in: [user.userId, stranger.userId] } } })).toBe(0);
  });

  it("is a signed-in person's: an API key can neither list nor add passkeys", async () => {
    const user = await signUp(harness, "register-key");
    const key = (await user.request("POST", "/api-keys", { name: "script" })).body.key;
    const bearer = { authorization: `Bearer ${key}` };
    expect((await visitor(harness).request("GET", "/auth/passkeys", undefined, bearer)).status).toBe(403);
    expect((await visitor(harness).request("POST", "/auth/passkeys/options", undefined, bearer)).status).toBe(403);
  });
});

describe("signing in with a passkey alone", () => {
  it("signs in without an email or password, recorded as a passkey sign-in with a fresh second factor", async () => {
    const { user, authenticator } = await withPasskey("passwordless");
    const browser = visitor(harness);
    const options = await signInOptions(browser);
    expect(options).toMatchObject({ rpId: "127.0.0.1", userVerification: "required", allowCredentials: [] });
    const signedIn = await browser.request("POST", "/auth/sign-in/passkey", {
      response: authenticator.authenticate(options),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(user.email);
    expect(browser.cookie).toMatch(/^cto_session=/);
    expect(await currentMethod(browser)).toBe("passkey");
    const row = await harness.db.authenticator.findFirstOrThrow({ where: { userId: user.userId } });
    expect(row.counter).toBe(1);
    expect(row.lastUsedAt).not.toBeNull();
    // A passkey that verified its user is a second factor: with two-factor on, sensitive actions need no other.
    expect((await browser.request("POST", "/api-keys", { name: "after passkey" })).status).toBe(201);
  });

  it("refuses a replayed answer, an expired challenge, a wrong origin, no user verification and an unknown passkey", async () => {
    const { authenticator } = await withPasskey("passwordless-refusals");
    const browser = visitor(harness);

    const options = await signInOptions(browser);
    const answer = authenticator.authenticate(options);
    expect((await browser.request("POST", "/auth/sign-in/passkey", { response: answer })).status).toBe(200);
    const replayed = await visitor(harness).request("POST", "/auth/sign-in/passkey", { response: answer });
    expect(replayed.status).toBe(400);
    expect(fieldPaths(replayed)).toEqual(["response.response.clientDataJSON"]);

    const stale = await signInOptions(browser);
    await harness.db.passkeyChallenge.updateMany({ data: { expiresAt: new Date(Date.now() - 1_000) } });
    const expired = await browser.request("POST", "/auth/sign-in/passkey", {
      response: authenticator.authenticate(stale),
    });
    expect(expired.status).toBe(400);
    expect(expired.body.error?.message).toMatch(/expired/);

    const phished = await browser.request("POST", "/auth/sign-in/passkey", {
      response: authenticator.authenticate(await signInOptions(browser), { origin: "https://cto.example.evil" }),
    });
    expect(phished.status).toBe(400);
    expect(phished.body.error?.message).toMatch(/origin/i);

    const unverified = await browser.request("POST", "/auth/sign-in/passkey", {
      response: authenticator.authenticate(await signInOptions(browser), { userVerified: false }),
    });
    expect(unverified.status).toBe(400);

    const stranger = softAuthenticator(WEB_ORIGIN);
    stranger.register({ challenge: "unused", rp: { id: "127.0.0.1" }, user: { id: "c3RyYW5nZXI" } });
    const unknown = await browser.request("POST", "/auth/sign-in/passkey", {
      response: stranger.authenticate(await signInOptions(browser)),
    });
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown)).toEqual(["response.id"]);
  });

  it("refuses a counter that does not move forward (a cloned authenticator), and keeps the stored count", async () => {
    const { user, authenticator } = await withPasskey("counter");
    const browser = visitor(harness);
    for (let i = 0; i < 2; i++) {
      const options = await signInOptions(browser);
      const ok = await browser.request("POST", "/auth/sign-in/passkey", {
        response: authenticator.authenticate(options),
      });
      expect(ok.status).toBe(200);
    }
    const clone = await browser.request("POST", "/auth/sign-in/passkey", {
      response: authenticator.authenticate(await signInOptions(browser), { counter: 1 }),
    });
    expect(clone.status).toBe(400);
    expect(clone.body.error?.message).toMatch(/counter/i);
    expect((await harness.db.authenticator.findFirstOrThrow({ where: { userId: user.userId } })).counter).toBe(2);
  });

  it("refuses malformed answers with the path of each problem, never a 5xx", async () => {
    const browser = visitor(harness);
    const empty = await browser.request("POST", "/auth/sign-in/passkey", { response: { id: "not base64url!" } });
    expect(empty.status).toBe(400);
    expect(fieldPaths(empty)).toEqual(
      expect.arrayContaining(["response.id", "response.rawId", "response.type", "response.response"]),
    );
    const garbled = await browser.request("POST", "/auth/sign-in/passkey", {
      response: {
        id: "abc",
        rawId: "abc",
        type: "public-key",
        response: { clientDataJSON: "bm90IGpzb24", authenticatorData: "AAAA", signature: "AAAA" },
      },
    });
    expect(garbled.status).toBe(400);
    expect(fieldPaths(garbled)).toEqual(["response.response.clientDataJSON"]);
    const token = await browser.request("POST", "/auth/sign-in/second-factor/passkey/options", { challengeToken: 5 });
    expect(token.status).toBe(400);
    expect(fieldPaths(token)).toEqual(["challengeToken"]);
  });
});

describe("a passkey as the second factor", () => {
  it("is asked for after a right password, and its answer signs in once per challenge", async () => {
    const { user, authenticator } = await withPasskey("second-factor");
    const browser = visitor(harness);
    const challenge = await passwordStep(browser, user.email);
    expect(challenge.methods).toEqual(["totp", "recovery_code", "passkey"]);
    expect(browser.cookie).toBe("");
    const options = await browser.request("POST", "/auth/sign-in/second-factor/passkey/options", {
      challengeToken: challenge.challengeToken,
    });
    expect(options.status).toBe(200);
    expect((options.body.allowCredentials ?? []).map((item: { id: string }) => item.id)).toEqual([
      authenticator.credentials.map((item) => item.id.toString("base64url"))[0],
    ]);
    const signedIn = await browser.request("POST", "/auth/sign-in/second-factor/passkey", {
      challengeToken: challenge.challengeToken,
      response: authenticator.authenticate(options.body),
    });
    expect(signedIn.status).toBe(200);
    expect(await currentMethod(browser)).toBe("password_passkey");

    // The password step is spent.
    const again = await visitor(harness).request("POST", "/auth/sign-in/second-factor/passkey/options", {
      challengeToken: challenge.challengeToken,
    });
    expect(again.status).toBe(401);
  });

  it("refuses another user's passkey, and a challenge made for another password step", async () => {
    const alice = await withPasskey("second-factor-alice");
    const bob = await withPasskey("second-factor-bob");
    const browser = visitor(harness);
    const aliceStep = await passwordStep(browser, alice.user.email);
    const options = (
      await browser.request("POST", "/auth/sign-in/second-factor/passkey/options", {
        challengeToken: aliceStep.challengeToken,
      })
    ).body;
    // Bob's authenticator signs Alice's challenge with Bob's passkey.
    const bobs = await browser.request("POST", "/auth/sign-in/second-factor/passkey", {
      challengeToken: aliceStep.challengeToken,
      response: bob.authenticator.authenticate({ ...options, allowCredentials: [] }),
    });
    expect(bobs.status).toBe(400);
    expect(fieldPaths(bobs)).toEqual(["response.id"]);
    expect(browser.cookie).toBe("");

    // Bob's own password step cannot be finished with a challenge made for Alice's.
    const bobStep = await passwordStep(browser, bob.user.email);
    const aliceOptions = (
      await browser.request("POST", "/auth/sign-in/second-factor/passkey/options", {
        challengeToken: aliceStep.challengeToken,
      })
    ).body;
    const crossed = await browser.request("POST", "/auth/sign-in/second-factor/passkey", {
      challengeToken: bobStep.challengeToken,
      response: bob.authenticator.authenticate({ ...aliceOptions, allowCredentials: [] }),
    });
    expect(crossed.status).toBe(400);
    expect(fieldPaths(crossed)).toEqual(["response.response.clientDataJSON"]);
    expect(browser.cookie).toBe("");
  });

  it("proves a step-up for sensitive actions, with the user's own passkey only", async () => {
    const { user, authenticator } = await withPasskey("step-up");
    // Ten minutes after the code that turned two-factor on, sensitive actions wait for a second factor.
    await staleStepUp(user);
    const refused = await user.request("POST", "/api-keys", { name: "too soon" });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe("second_factor_required");
    const other = await withPasskey("step-up-other");
    const options = (await user.request("POST", "/auth/two-factor/passkey/options")).body;
    const foreign = await user.request("POST", "/auth/two-factor/passkey", {
      response: other.authenticator.authenticate({ ...options, allowCredentials: [] }),
    });
    expect(foreign.status).toBe(400);
    await stepUp(user, authenticator);
    expect((await user.request("POST", "/api-keys", { name: "now" })).status).toBe(201);
  });
});

describe("deleting a passkey", () => {
  it("needs a recent second factor, and never removes the last way in", async () => {
    const { user, authenticator, passkeyId } = await withPasskey("delete");
    await staleStepUp(user);
    const tooSoon = await user.request("DELETE", `/auth/passkeys/${passkeyId}`);
    expect(tooSoon.status).toBe(403);
    expect(tooSoon.body.error?.code).toBe("second_factor_required");
    await stepUp(user, authenticator);

    // Without a password (an account made by a provider or a passkey), the only passkey is the only way in.
    await harness.db.user.update({ where: { id: user.userId }, data: { passwordHash: null } });
    const last = await user.request("DELETE", `/auth/passkeys/${passkeyId}`);
    expect(last.status).toBe(409);
    expect(last.body.error?.message).toMatch(/only way to sign in/);

    const spareId = await addPasskey(user, authenticator, "Spare");
    expect((await user.request("DELETE", `/auth/passkeys/${passkeyId}`)).status).toBe(204);
    expect((await user.request("GET", "/auth/passkeys")).body.items.map((item: { id: string }) => item.id)).toEqual([
      spareId,
    ]);
    expect((await user.request("DELETE", `/auth/passkeys/${spareId}`)).status).toBe(409);
    expect((await user.request("DELETE", `/auth/passkeys/${passkeyId}`)).status).toBe(404);
  });

  it("is refused for another user's passkey (404), which stays", async () => {
    const alice = await withPasskey("delete-alice");
    const bob = await withPasskey("delete-bob");
    await stepUp(alice.user, alice.authenticator);
    expect((await alice.user.request("DELETE", `/auth/passkeys/${bob.passkeyId}`)).status).toBe(404);
    expect((await alice.user.request("PATCH", `/auth/passkeys/${bob.passkeyId}`, { name: "Mine" })).status).toBe(404);
    expect(await harness.db.authenticator.count({ where: { id: bob.passkeyId } })).toBe(1);
  });
});
