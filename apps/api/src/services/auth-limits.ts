import { createHash } from "node:crypto";

import { addressLimitKey } from "../lib/client-address.ts";
import { createLimiter, giveBack, takeOrRefuse, type TLimit, type TLimitStore } from "../lib/limiter.ts";

/**
 * The abuse limits of the auth routes (README, "Rate limits"). Windows are fixed: a window starts
 * with its first counted attempt and ends `windowMs` later, and attempts refused inside it do not
 * move its end, so no limit can be held shut longer than its window by more refused attempts.
 */
export type TAuthLimits = {
  /** Requests to the auth routes per client address. */
  address: TLimit;
  /** Failed sign-ins per account (email) from browsers that have not signed in to it before. */
  signInFailures: TLimit;
  /** Failed sign-ins per account from one browser that signed in to it before (its own count). */
  trustedBrowserFailures: TLimit;
  /** Wrong second-factor codes per account (sign-in's second step, step-ups, two-factor settings). */
  secondFactorFailures: TLimit;
  /** Emails with a link (password reset, email verification) per email address. */
  emails: TLimit;
  /** Accounts created per client address. */
  signUps: TLimit;
};

const MINUTE = 60_000;

export const DEFAULT_AUTH_LIMITS: TAuthLimits = {
  address: { limit: 20, windowMs: 15 * MINUTE },
  signInFailures: { limit: 10, windowMs: 15 * MINUTE },
  trustedBrowserFailures: { limit: 10, windowMs: 15 * MINUTE },
  secondFactorFailures: { limit: 10, windowMs: 15 * MINUTE },
  emails: { limit: 3, windowMs: 60 * MINUTE },
  signUps: { limit: 5, windowMs: 60 * MINUTE },
};

/** How long a browser stays trusted for an account after it last signed in to it. */
export const TRUSTED_BROWSER_MS = 20 * 24 * 60 * MINUTE;

export type TAuthLimiters = ReturnType<typeof createAuthLimiters>;

export const createAuthLimiters = (limits: TAuthLimits, store: TLimitStore) => ({
  address: createLimiter(store, "auth-address", limits.address),
  signInFailures: createLimiter(store, "sign-in-failures", limits.signInFailures),
  trustedBrowserFailures: createLimiter(store, "sign-in-failures-trusted", limits.trustedBrowserFailures),
  secondFactorFailures: createLimiter(store, "second-factor-failures", limits.secondFactorFailures),
  emails: createLimiter(store, "emails", limits.emails),
  signUps: createLimiter(store, "sign-ups", limits.signUps),
  // Not a limit: a store of (account, browser) pairs that signed in, each kept TRUSTED_BROWSER_MS.
  trustedBrowsers: createLimiter(store, "trusted-browsers", { limit: 1, windowMs: TRUSTED_BROWSER_MS }),
});

// Keys are digests: the limit store (Redis) never holds an email or an IP address.
const digest = (value: string) => createHash("sha256").update(value, "utf8").digest("base64url").slice(0, 32);
const accountKey = (email: string) => digest(email.trim().toLowerCase());
export const addressKey = (address: string | undefined) => digest(addressLimitKey(address ?? "unknown"));

/** Counts a request to an auth route against the client's address. */
export const takeAuthRequest = (limiters: TAuthLimiters, address: string | undefined) =>
  takeOrRefuse(limiters.address, addressKey(address), "Too many requests from your address; try again later.");

const browserPair = (email: string, browserToken: string) => `${accountKey(email)}.${digest(browserToken)}`;

/**
 * Counts a sign-in attempt before the password is checked, so parallel guesses cannot all slip in
 * before the first failure is counted; `succeeded` gives it back. A browser that signed in to this
 * account before (OWASP's device cookie) counts on its own, so strangers' failures, which lock the
 * account for everyone else until the window ends, never lock its owner out on their own browser.
 */
export const beginSignIn = async ({
  limiters,
  email,
  browserToken,
}: {
  limiters: TAuthLimiters;
  email: string;
  browserToken: string | undefined;
}) => {
  const pair = browserToken ? browserPair(email, browserToken) : null;
  const trusted = pair !== null && (await limiters.trustedBrowsers.get(pair)) !== null;
  const [limiter, key] = trusted
    ? [limiters.trustedBrowserFailures, pair]
    : [limiters.signInFailures, accountKey(email)];
  await takeOrRefuse(
    limiter,
    key,
    "Too many failed sign-ins for this account; try again later, or reset your password.",
  );
  return { succeeded: () => giveBack(limiter, key) };
};

/** Whether this browser signed in to this account before (within TRUSTED_BROWSER_MS). */
export const isTrustedBrowser = async (limiters: TAuthLimiters, email: string, browserToken: string | undefined) =>
  browserToken !== undefined && (await limiters.trustedBrowsers.get(browserPair(email, browserToken))) !== null;

/**
 * Counts a second-factor code before it is checked, like a password at sign-in (parallel guesses are
 * all counted); `succeeded` gives it back. A password reset does not lift this count: whoever can
 * read the mailbox still has to get past the second factor.
 */
export const beginSecondFactor = async (limiters: TAuthLimiters, userId: string) => {
  const key = digest(`user:${userId}`);
  await takeOrRefuse(limiters.secondFactorFailures, key, "Too many wrong codes for this account; try again later.");
  return { succeeded: () => giveBack(limiters.secondFactorFailures, key) };
};

/** Remembers that this browser signed in to this account (sign-in, sign-up). */
export const trustBrowser = async ({
  limiters,
  email,
  browserToken,
}: {
  limiters: TAuthLimiters;
  email: string;
  browserToken: string;
}) => {
  await limiters.trustedBrowsers.set(browserPair(email, browserToken), 1, TRUSTED_BROWSER_MS / 1000);
};

/**
 * A password reset lifts the account's sign-in lock (OWASP: the forgotten-password path stays open
 * while an account is locked, so a lock is never a denial of service to its owner).
 */
export const clearSignInFailures = async ({ limiters, email }: { limiters: TAuthLimiters; email: string }) => {
  await limiters.signInFailures.delete(accountKey(email));
};

/**
 * Counts an email with a link to this address (reset or verification), whether or not it has an
 * account, so a 429 tells nothing about that; nobody can have an inbox flooded through Cto.
 */
export const takeAccountEmail = (limiters: TAuthLimiters, email: string) =>
  takeOrRefuse(limiters.emails, accountKey(email), "Too many emails asked for this address; try again later.");

/** Counts an account created from this address; `failed` gives it back when no account was created. */
export const beginSignUp = async (limiters: TAuthLimiters, address: string | undefined) => {
  const key = addressKey(address);
  await takeOrRefuse(limiters.signUps, key, "Too many accounts created from your address; try again later.");
  return { failed: () => giveBack(limiters.signUps, key) };
};
