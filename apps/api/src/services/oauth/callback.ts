import type { TProviderRefusal } from "@cto/contracts/api/oauth";
import type { Db, User } from "@cto/db/client";

import type { ApiConfig } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import type { TAuthCache } from "../../lib/auth-cache.ts";
import { resolveSession } from "../sessions.ts";
import { createSignInChallenge } from "../two-factor/challenges.ts";
import { hasSecondFactor } from "../two-factor/second-factor.ts";
import { linkIdentity, signInWithIdentity } from "./identities.ts";
import type { TFlowChecks, TOAuthProviders } from "./providers.ts";

export type TCallbackDeps = { db: Db; config: ApiConfig; providers: TOAuthProviders; authCache: TAuthCache };

/** What the browser that comes back from the provider carries: the flow it began, and its session if any. */
export type TCallbackInput = {
  provider: string;
  query: URLSearchParams;
  flow: { provider: string; checks: TFlowChecks; linkTo: string | null } | undefined;
  sessionToken: string | undefined;
};

/** Where a callback ends; the route turns each into cookies and a redirect. */
export type TCallbackOutcome =
  | { kind: "linked"; provider: string }
  | { kind: "session"; user: User; created: boolean }
  | { kind: "challenge"; token: string }
  | { kind: "pending_link"; provider: string; subject: string; userId: string; email: string };

/** What the callback itself refuses, with the reason the page shows. */
class CallbackRefusal extends ApiError {
  constructor(
    readonly reason: TProviderRefusal,
    message: string,
  ) {
    super("bad_request", message);
  }
}

/** The reason a refused callback's page words itself: never text from the URL, which anyone can write. */
export const refusalReason = (error: ApiError, linking: boolean): TProviderRefusal => {
  if (error instanceof CallbackRefusal) return error.reason;
  switch (error.code) {
    case "forbidden":
      return "unverified";
    case "conflict":
      return "taken";
    case "unauthorized":
      return linking ? "signed_out" : "disabled";
    case "service_unavailable":
      return "unavailable";
    default:
      return "failed";
  }
};

/** A provider's sign-in for the user it found: a session, or the second step when two-factor is on. */
const signInAs = async (db: Db, user: User, created: boolean): Promise<TCallbackOutcome> => {
  if (!(await hasSecondFactor({ db }, user.id))) return { kind: "session", user, created };
  const challenge = await createSignInChallenge({ db }, user.id, true);
  return { kind: "challenge", token: challenge.token };
};

/** The callback's work for the flow this browser started: a session, a linked identity, or a pending link. */
export const completeCallback = async (
  { db, config, providers, authCache }: TCallbackDeps,
  { provider, query, flow, sessionToken }: TCallbackInput,
): Promise<TCallbackOutcome> => {
  if (!flow || flow.provider !== provider)
    throw new CallbackRefusal("restart", "This sign-in was not started in this browser, or it took too long.");
  if (query.get("state") !== flow.checks.state)
    throw new CallbackRefusal("restart", "This sign-in's state does not match the one this browser started.");
  if (query.has("error"))
    throw new CallbackRefusal("cancelled", `${providers.find(provider).name} answered ${query.get("error")}.`);
  const identity = await providers.complete(provider, query, flow.checks);
  if (flow.linkTo) {
    // The account the link was begun for must still be the one signed in in this browser.
    const session = sessionToken && (await resolveSession({ db, config, token: sessionToken, cache: authCache }));
    if (!session || session.userId !== flow.linkTo)
      throw new ApiError("unauthorized", "Sign in again to link this provider.");
    await linkIdentity(db, flow.linkTo, provider, identity.subject);
    return { kind: "linked", provider };
  }
  const outcome = await signInWithIdentity(db, provider, identity);
  if (outcome.kind === "user") return signInAs(db, outcome.user, outcome.created);
  return { kind: "pending_link", provider, subject: identity.subject, userId: outcome.userId, email: outcome.email };
};
