import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { Db } from "@cto/db/client";
import { createSecretBox, type SecretBox } from "@cto/db/secrets";

import { SESSION_COOKIE } from "../src/middleware/auth.ts";
import { WEB_ORIGIN } from "./harness.ts";
import { signUp, useApi } from "./support/api.ts";

type TSession = { sessionToken: string; userId: string; expires: Date };
type TAdapter = {
  createSession: (session: TSession) => Promise<TSession>;
  getSessionAndUser: (token: string) => Promise<{ session: TSession; user: { email: string } } | null>;
  deleteSession: (token: string) => Promise<void>;
};
// The adapter's declared types are Auth.js's, which bring in the DOM's; the API is type-checked without the
// DOM, so this suite names only the three methods it calls.
const { CtoAuthAdapter } = (await import("@cto/db/auth-adapter" as string)) as {
  CtoAuthAdapter: (db: Db, options: { secrets: SecretBox }) => TAdapter;
};

/**
 * A team signs in with Auth.js on Cto's database through @cto/db/auth-adapter: a session either side made
 * is valid on the other, and a sign-out on either side ends it on both.
 */
describe("sessions shared by Cto's API and Auth.js (@cto/db/auth-adapter)", () => {
  const { harness } = useApi();
  const secrets = createSecretBox(randomBytes(32));
  const adapter = () => CtoAuthAdapter(harness.db, { secrets });
  const me = (token: string) =>
    harness.app.request("/me", { headers: { origin: WEB_ORIGIN, cookie: `${SESSION_COOKIE}=${token}` } });

  it("a Cto sign-in is a session Auth.js finds, and Auth.js's sign-out ends it for the API", async () => {
    const user = await signUp(harness, "authjs-reads");
    const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(user.cookie)?.[1];
    expect(token).toBeTruthy();
    const found = await adapter().getSessionAndUser(token!);
    expect(found?.user.email).toBe(user.email);
    expect(found?.user).not.toHaveProperty("passwordHash");
    expect((await me(token!)).status).toBe(200);

    await adapter().deleteSession(token!);
    expect((await me(token!)).status).toBe(401);
  });

  it("an Auth.js session is one the API accepts, until the API signs it out", async () => {
    const { userId, email } = await signUp(harness, "authjs-writes");
    const token = randomBytes(32).toString("base64url");
    await adapter().createSession({ sessionToken: token, userId, expires: new Date(Date.now() + 3_600_000) });
    const answer = await me(token);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { email: string }).email).toBe(email);

    const signOut = await harness.app.request("/auth/sign-out", {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(signOut.status).toBeLessThan(300);
    expect(await adapter().getSessionAndUser(token)).toBeNull();
  });
});
