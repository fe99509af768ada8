import type { Db } from "@cto/db/client";

import type { AuthContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { NO_AUTH_CACHE, type TAuthCache, type TRevokeOwn } from "../lib/auth-cache.ts";
import { hashToken, newToken } from "../lib/tokens.ts";
import { recordUse } from "./last-seen.ts";
import { accountDisabled } from "./sessions.ts";

export const API_KEY_PREFIX = "cto_";

/** Creates a key and returns it in full once; only its hash and a short prefix are kept. */
export const createApiKey = async ({
  db,
  userId,
  name,
  expiresAt,
}: {
  db: Db;
  userId: string;
  name: string;
  expiresAt?: Date | null;
}) => {
  const key = newToken(API_KEY_PREFIX);
  const row = await db.apiKey.create({
    data: { userId, name, prefix: key.slice(0, 12), keyHash: hashToken(key), expiresAt: expiresAt ?? null },
  });
  return { key, row };
};

type TCachedKey = {
  userId: string;
  role: AuthContext["role"];
  apiKeyId: string;
  expiresAt: number | null;
  lastUsedAt: number | null;
};

// When a key was last used is kept to the minute, so reads do not write on every request.

/** The user behind a live key, read through `cache` (lib/auth-cache.ts); undefined when unknown, expired, revoked or the user is inactive. */
export const resolveApiKey = async ({
  db,
  key,
  cache = NO_AUTH_CACHE,
}: {
  db: Db;
  key: string;
  cache?: TAuthCache;
}): Promise<AuthContext | undefined> => {
  if (!key.startsWith(API_KEY_PREFIX)) return undefined;
  const hash = hashToken(key);
  const seen = { disabled: false };
  const found = await cache.read<TCachedKey>(hash, async () => {
    const row = await db.apiKey.findUnique({
      where: { keyHash: hash },
      select: {
        id: true,
        userId: true,
        expiresAt: true,
        revokedAt: true,
        lastUsedAt: true,
        user: { select: { role: true, isActive: true } },
      },
    });
    if (!row || row.revokedAt) return null;
    // Only live keys are cached, so a disabled account's key always reaches this load.
    seen.disabled = !row.user.isActive;
    if (seen.disabled) return null;
    return {
      userId: row.userId,
      role: row.user.role,
      apiKeyId: row.id,
      expiresAt: row.expiresAt?.getTime() ?? null,
      lastUsedAt: row.lastUsedAt?.getTime() ?? null,
    };
  });
  if (seen.disabled) throw accountDisabled();
  const now = Date.now();
  if (!found || (found.expiresAt !== null && found.expiresAt <= now)) return undefined;
  await recordUse(db, found, now, () =>
    db.apiKey.updateMany({ where: { id: found.apiKeyId }, data: { lastUsedAt: new Date(now) } }),
  );
  return { userId: found.userId, role: found.role, via: "api_key", apiKeyId: found.apiKeyId };
};

/** The user's keys, newest first (never the keys themselves: only their hashes are kept). */
export const listApiKeys = ({ db, userId }: { db: Db; userId: string }) =>
  db.apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

/** Revokes one of the user's live keys; a revoked or another user's key is "not found". */
export const revokeApiKey = async ({ db, userId, id, cache = NO_AUTH_CACHE }: TRevokeOwn) => {
  const revoked = await db.apiKey.updateManyAndReturn({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
    select: { keyHash: true },
  });
  if (revoked.length === 0) throw notFound("API key");
  await cache.forget(revoked.map((row) => row.keyHash));
};
