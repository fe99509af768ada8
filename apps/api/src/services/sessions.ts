import type { Db } from "@cto/db/client";

import type { ApiConfig, AuthContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { hashToken, newToken } from "../lib/tokens.ts";

// A session's idle expiry moves forward at most this often, so reads do not write on every request.
const TOUCH_EVERY_MS = 60_000;

export const createSession = async ({ db, config, userId, ipAddress, userAgent }: { db: Db; config: ApiConfig; userId: string; ipAddress?: string; userAgent?: string }) => {
  const token = newToken();
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + config.sessionAbsoluteMs);
  await db.session.create({
    data: { userId, sessionToken: hashToken(token), expires: new Date(Math.min(now + config.sessionIdleMs, absoluteExpiresAt.getTime())), absoluteExpiresAt, lastUsedAt: new Date(now), ipAddress: ipAddress ?? null, userAgent: userAgent?.slice(0, 512) ?? null },
  });
  return { token, absoluteExpiresAt };
};

/** The user behind a session token, sliding its idle expiry; undefined when unknown, expired or the user is inactive. */
export const resolveSession = async ({ db, config, token }: { db: Db; config: ApiConfig; token: string }): Promise<AuthContext | undefined> => {
  const session = await db.session.findUnique({ where: { sessionToken: hashToken(token) }, include: { user: { select: { role: true, isActive: true } } } });
  const now = Date.now();
  if (!session || !session.user.isActive) return undefined;
  const absolute = session.absoluteExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (session.expires.getTime() <= now || absolute <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return undefined;
  }
  if (!session.lastUsedAt || now - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastUsedAt: new Date(now), expires: new Date(Math.min(now + config.sessionIdleMs, absolute)) } });
  }
  return { userId: session.userId, role: session.user.role, via: "session", sessionId: session.id };
};

export const revokeSession = ({ db, sessionId }: { db: Db; sessionId: string }) => db.session.deleteMany({ where: { id: sessionId } });

/** The user's live sessions, most recently used first. */
export const listLiveSessions = ({ db, userId }: { db: Db; userId: string }) =>
  db.session.findMany({ where: { userId, expires: { gt: new Date() } }, orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] });

/** Signs out one of the user's sessions; another user's is "not found". */
export const revokeOwnSession = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const { count } = await db.session.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("session");
};

/** Who is signed in, and until when the session runs (null when signed in with an API key). */
export const currentSession = async ({ db, userId, sessionId }: { db: Db; userId: string; sessionId?: string | undefined }) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const session = sessionId ? await db.session.findUnique({ where: { id: sessionId }, select: { expires: true } }) : null;
  return { user, expiresAt: session?.expires ?? null };
};
