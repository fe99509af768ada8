import type { Db } from "@cto/db/client";

import type { AuthContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { hashToken, newToken } from "../lib/tokens.ts";

export const API_KEY_PREFIX = "cto_";

/** Creates a key and returns it in full once; only its hash and a short prefix are kept. */
export const createApiKey = async ({ db, userId, name, expiresAt }: { db: Db; userId: string; name: string; expiresAt?: Date | null }) => {
  const key = newToken(API_KEY_PREFIX);
  const row = await db.apiKey.create({ data: { userId, name, prefix: key.slice(0, 12), keyHash: hashToken(key), expiresAt: expiresAt ?? null } });
  return { key, row };
};

export const resolveApiKey = async ({ db, key }: { db: Db; key: string }): Promise<AuthContext | undefined> => {
  if (!key.startsWith(API_KEY_PREFIX)) return undefined;
  const row = await db.apiKey.findUnique({ where: { keyHash: hashToken(key) }, include: { user: { select: { role: true, isActive: true } } } });
  if (!row || row.revokedAt || !row.user.isActive || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { userId: row.userId, role: row.user.role, via: "api_key", apiKeyId: row.id };
};

/** The user's keys, newest first (never the keys themselves: only their hashes are kept). */
export const listApiKeys = ({ db, userId }: { db: Db; userId: string }) => db.apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

/** Revokes one of the user's live keys; a revoked or another user's key is "not found". */
export const revokeApiKey = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const { count } = await db.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound("API key");
};
