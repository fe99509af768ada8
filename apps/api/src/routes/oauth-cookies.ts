import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

import type { AppEnv } from "../context.ts";
import { linkIdentity } from "../services/oauth/identities.ts";
import type { TFlowChecks } from "../services/oauth/providers.ts";

// Both cookies are sealed with the app's secret box (AES-256-GCM): the browser can neither read the
// PKCE verifier nor forge or alter a flow, and each carries its own expiry besides the cookie's.
export const FLOW_COOKIE = "cto_oauth";
export const PENDING_LINK_COOKIE = "cto_oauth_link";
export const FLOW_MS = 10 * 60_000;
export const PENDING_LINK_MS = 15 * 60_000;

/** A flow begun in this browser: which provider, its checks, and for a link, whose account. */
export type TFlow = { provider: string; checks: TFlowChecks; linkTo: string | null; expiresAt: number };
/** A provider identity whose address belongs to an account: linked once that account's owner signs in here. */
export type TPendingLink = { provider: string; subject: string; userId: string; expiresAt: number };

const options = (c: Context<AppEnv>, ms: number) => ({
  httpOnly: true,
  // Lax: the provider's redirect back is a top-level navigation from another site, which Strict would strip.
  sameSite: "Lax" as const,
  secure: c.get("config").secureCookies,
  path: "/",
  maxAge: ms / 1000,
});

const seal = (c: Context<AppEnv>, name: string, value: object, ms: number) =>
  setCookie(c, name, c.get("secrets").encrypt(JSON.stringify(value)), options(c, ms));

/** The cookie's contents if it is ours, intact and unexpired; else undefined. */
const unseal = <T extends { expiresAt: number }>(c: Context<AppEnv>, name: string): T | undefined => {
  const sealed = getCookie(c, name);
  if (!sealed) return undefined;
  try {
    const value = JSON.parse(c.get("secrets").decrypt(sealed)) as T;
    return typeof value.expiresAt === "number" && value.expiresAt > Date.now() ? value : undefined;
  } catch {
    return undefined;
  }
};

export const saveFlow = (c: Context<AppEnv>, flow: Omit<TFlow, "expiresAt">) =>
  seal(c, FLOW_COOKIE, { ...flow, expiresAt: Date.now() + FLOW_MS }, FLOW_MS);

/** The flow this browser began, spent by reading it: a callback is answered once. */
export const takeFlow = (c: Context<AppEnv>) => {
  const flow = unseal<TFlow>(c, FLOW_COOKIE);
  deleteCookie(c, FLOW_COOKIE, { path: "/" });
  return flow;
};

export const savePendingLink = (c: Context<AppEnv>, link: Omit<TPendingLink, "expiresAt">) =>
  seal(c, PENDING_LINK_COOKIE, { ...link, expiresAt: Date.now() + PENDING_LINK_MS }, PENDING_LINK_MS);

/**
 * At the end of a sign-in: the identity waiting in this browser is linked if the account that just
 * signed in is the one it was waiting for; any other account's sign-in only discards it.
 */
export const completePendingLink = async (c: Context<AppEnv>, userId: string) => {
  if (!getCookie(c, PENDING_LINK_COOKIE)) return;
  const link = unseal<TPendingLink>(c, PENDING_LINK_COOKIE);
  deleteCookie(c, PENDING_LINK_COOKIE, { path: "/" });
  if (link?.userId !== userId) return;
  await linkIdentity(c.get("db"), userId, link.provider, link.subject).catch((error: unknown) =>
    // The sign-in stands; the identity went to another account meanwhile, and the user can link again in Settings.
    c.get("logger").warn({ err: error }, "pending provider link not completed"),
  );
};
