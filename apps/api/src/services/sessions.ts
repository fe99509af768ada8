import type { Db } from "@cto/db/client";

import type { ApiConfig, AuthContext } from "../context.ts";
import { ApiError, notFound } from "../errors.ts";
import { NO_AUTH_CACHE, type TAuthCache, type TRevokeOwn } from "../lib/auth-cache.ts";
import { hashToken, newToken } from "../lib/tokens.ts";
import { recordUse } from "./last-seen.ts";

/** How a session was signed in: a password, an identity provider or a passkey, and the second factor after it if any. */
export type TSignInMethod =
  | "PASSWORD"
  | "PASSWORD_TOTP"
  | "PASSWORD_RECOVERY_CODE"
  | "PROVIDER"
  | "PROVIDER_TOTP"
  | "PROVIDER_RECOVERY_CODE"
  | "PASSKEY"
  | "PASSWORD_PASSKEY"
  | "PROVIDER_PASSKEY";

export const createSession = async ({
  db,
  config,
  userId,
  ipAddress,
  userAgent,
  signInMethod = "PASSWORD",
  secondFactorAt = null,
}: {
  db: Db;
  config: ApiConfig;
  userId: string;
  ipAddress?: string;
  userAgent?: string;
  /** How the user proved who they are (the Sessions list shows it). */
  signInMethod?: TSignInMethod;
  /** When a second factor was proven for it (a sign-in with a code): sensitive actions need it recent. */
  secondFactorAt?: Date | null;
}) => {
  const token = newToken();
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + config.sessionAbsoluteMs);
  await db.session.create({
    data: {
      userId,
      sessionToken: hashToken(token),
      expires: new Date(Math.min(now + config.sessionIdleMs, absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
      lastUsedAt: new Date(now),
      ipAddress: ipAddress ?? null,
      userAgent: userAgent?.slice(0, 512) ?? null,
      signInMethod,
      secondFactorAt,
    },
  });
  return { token, absoluteExpiresAt };
};

type TCachedSession = {
  userId: string;
  role: AuthContext["role"];
  sessionId: string;
  expires: number;
  absoluteExpiresAt: number | null;
  lastUsedAt: number | null;
};

/** A disabled account's credential, refused with this rather than as unknown: its owner is told why. */
export const accountDisabled = () =>
  new ApiError("unauthorized", "This account has been disabled by an administrator.");

/**
 * The session behind `hash` while its user is active; null otherwise, and `seen.disabled` set when the user
 * is disabled. Only live credentials are cached, so a disabled one always reaches this load and is told apart.
 */
const loadSession = async (db: Db, hash: string, seen = { disabled: false }): Promise<TCachedSession | null> => {
  const session = await db.session.findUnique({
    where: { sessionToken: hash },
    select: {
      id: true,
      userId: true,
      expires: true,
      absoluteExpiresAt: true,
      lastUsedAt: true,
      user: { select: { role: true, isActive: true } },
    },
  });
  if (!session) return null;
  if (!session.user.isActive) {
    seen.disabled = true;
    return null;
  }
  return {
    userId: session.userId,
    role: session.user.role,
    sessionId: session.id,
    expires: session.expires.getTime(),
    absoluteExpiresAt: session.absoluteExpiresAt?.getTime() ?? null,
    lastUsedAt: session.lastUsedAt?.getTime() ?? null,
  };
};

const endsAt = (session: TCachedSession) =>
  Math.min(session.expires, session.absoluteExpiresAt ?? Number.POSITIVE_INFINITY);

/**
 * The user behind a session token, sliding its idle expiry; undefined when unknown, expired or the user
 * is inactive. Read through `cache` (lib/auth-cache.ts); the slide writes at most once a minute per process.
 */
export const resolveSession = async ({
  db,
  config,
  token,
  cache = NO_AUTH_CACHE,
}: {
  db: Db;
  config: ApiConfig;
  token: string;
  cache?: TAuthCache;
}): Promise<AuthContext | undefined> => {
  const hash = hashToken(token);
  const now = Date.now();
  const seen = { disabled: false };
  let session = await cache.read(hash, () => loadSession(db, hash, seen));
  // A cached copy can predate another instance's slide of the idle expiry: the database decides.
  if (session && endsAt(session) <= now) session = await loadSession(db, hash, seen);
  if (!session) {
    if (seen.disabled) throw accountDisabled();
    return undefined;
  }
  if (endsAt(session) <= now) {
    await db.session.deleteMany({ where: { id: session.sessionId } });
    await cache.forget([hash]);
    return undefined;
  }
  const used = session;
  // The idle expiry slides with each recorded use (at most once a minute, so reads do not write on every
  // request), in the cached copy as in the row.
  await recordUse(db, used, now, () => {
    used.expires = Math.min(now + config.sessionIdleMs, used.absoluteExpiresAt ?? Number.POSITIVE_INFINITY);
    return db.session.updateMany({
      where: { id: used.sessionId },
      data: { lastUsedAt: new Date(now), expires: new Date(used.expires) },
    });
  });
  return { userId: session.userId, role: session.role, via: "session", sessionId: session.sessionId };
};

/** Deletes the sessions `where` picks, then forgets them in every instance's cache. */
const endSessions = async (db: Db, cache: TAuthCache, where: { id: string; userId?: string }) => {
  const ended = await db.session.findMany({ where, select: { sessionToken: true } });
  const { count } = await db.session.deleteMany({ where });
  await cache.forget(ended.map((session) => session.sessionToken));
  return count;
};

export const revokeSession = ({
  db,
  sessionId,
  cache = NO_AUTH_CACHE,
}: {
  db: Db;
  sessionId: string;
  cache?: TAuthCache;
}) => endSessions(db, cache, { id: sessionId });

/** The user's live sessions, most recently used first. */
export const listLiveSessions = ({ db, userId }: { db: Db; userId: string }) =>
  db.session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  });

/** Signs out one of the user's sessions; another user's is "not found". */
export const revokeOwnSession = async ({ db, userId, id, cache = NO_AUTH_CACHE }: TRevokeOwn) => {
  if ((await endSessions(db, cache, { id, userId })) === 0) throw notFound("session");
};

/** Who is signed in, and until when the session runs (null when signed in with an API key). */
export const currentSession = async ({
  db,
  userId,
  sessionId,
}: {
  db: Db;
  userId: string;
  sessionId?: string | undefined;
}) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const session = sessionId
    ? await db.session.findUnique({ where: { id: sessionId }, select: { expires: true } })
    : null;
  return { user, expiresAt: session?.expires ?? null };
};
