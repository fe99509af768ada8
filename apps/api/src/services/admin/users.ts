import { toApiEnum } from "@cto/contracts/boundary";
import type { TAdminUser, TAdminUserUsage } from "@cto/contracts/api/admin";
import type { Db } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";
import { NO_AUTH_CACHE, type TAuthCache } from "../../lib/auth-cache.ts";
import { readPage } from "../../lib/pagination.ts";
import { utcDay } from "../generation-quota.ts";
import { dailyUsage, usageTotalsByUser, usageTotalsSince } from "../usage.ts";

const DAY_MS = 86_400_000;
const USER_COLUMNS = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  createdAt: true,
  lastSeenAt: true,
} as const;

type TUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  isActive: boolean;
  createdAt: Date;
  lastSeenAt: Date | null;
};

const shape = (row: TUserRow, usage: TAdminUser["usage"]): TAdminUser => ({
  ...row,
  role: toApiEnum(row.role),
  createdAt: row.createdAt.getTime(),
  lastSeenAt: row.lastSeenAt?.getTime() ?? null,
  usage,
});

/** Every account, newest first, optionally those whose address contains `q`; with all-time AI usage totals. */
export const listUsers = async ({
  db,
  q,
  limit,
  cursor,
}: {
  db: Db;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}) => {
  const where = q ? { email: { contains: q, mode: "insensitive" as const } } : {};
  const page = await readPage(
    { limit, cursor },
    {
      listed: (id) => db.user.findUnique({ where: { id }, select: { id: true } }),
      read: (window) =>
        db.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: USER_COLUMNS, ...window }),
    },
  );
  const usage = await usageTotalsByUser(
    db,
    page.items.map((user) => user.id),
  );
  return { items: page.items.map((user) => shape(user, usage.get(user.id)!)), nextCursor: page.nextCursor };
};

/** One account's AI usage per UTC day and model over the last `days` days (today included); never content. */
export const readUserUsage = async ({
  db,
  userId,
  days,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  days: number;
  now?: Date;
}): Promise<TAdminUserUsage> => {
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw notFound("user");
  const since = new Date(utcDay(now).start.getTime() - (days - 1) * DAY_MS);
  const [totals, byDay] = await Promise.all([usageTotalsSince(db, userId, since), dailyUsage(db, userId, since)]);
  return { userId, since: since.getTime(), totals, days: byDay };
};

type TAccountState = { isActive: boolean; role: "USER" | "ADMIN" };

/** Serialises administrators' changes to accounts, so two admins disabling each other cannot leave none. */
const ADMIN_CHANGES_LOCK = "cto:admin-users";

/**
 * Disables or re-enables an account, or changes its role, and records the change in the admin audit log in the
 * same transaction. An administrator cannot disable or demote themselves (400), and no change may leave no
 * active administrator (409). Once committed, every session and API key of the account is forgotten by every
 * API instance's auth cache, so a disabled account is refused on its next request and a role change applies at once.
 */
export const updateUser = async ({
  db,
  authCache = NO_AUTH_CACHE,
  actorId,
  userId,
  input,
  requestId,
}: {
  db: Db;
  authCache?: TAuthCache;
  actorId: string;
  userId: string;
  input: Partial<TAccountState>;
  requestId?: string | undefined;
}) => {
  if (userId === actorId && (input.isActive === false || input.role === "USER"))
    throw new ApiError("bad_request", "You cannot disable or demote your own account; another administrator can.", [
      { path: input.isActive === false ? "isActive" : "role", message: "not allowed on your own account" },
    ]);
  const updated = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ADMIN_CHANGES_LOCK}, 0))`;
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_COLUMNS });
    if (!before) throw notFound("user");
    const changed = (Object.keys(input) as (keyof TAccountState)[]).filter(
      (key) => input[key] !== undefined && input[key] !== before[key],
    );
    if (!changed.length) return { row: before, changed };
    const after = { ...before, ...input };
    const wasAdmin = before.isActive && before.role === "ADMIN";
    if (wasAdmin && !(after.isActive && after.role === "ADMIN")) {
      const others = await tx.user.count({ where: { role: "ADMIN", isActive: true, id: { not: userId } } });
      if (others === 0)
        throw new ApiError("invalid_state", "This is the last active administrator; make another one first.");
    }
    const row = await tx.user.update({
      where: { id: userId },
      data: Object.fromEntries(changed.map((key) => [key, after[key]])),
      select: USER_COLUMNS,
    });
    await tx.adminAuditLog.create({
      data: {
        actorId,
        action: "user.update",
        targetType: "user",
        targetId: userId,
        before: Object.fromEntries(changed.map((key) => [key, auditValue(key, before[key])])),
        after: Object.fromEntries(changed.map((key) => [key, auditValue(key, after[key])])),
        requestId: requestId ?? null,
      },
    });
    return { row, changed };
  });
  if (updated.changed.length) await forgetCredentials(db, authCache, userId);
  const [usage] = (await usageTotalsByUser(db, [userId])).values();
  return shape(updated.row, usage!);
};

/** Roles are recorded as the API shows them (`admin`), like every value the audit log lists. */
const auditValue = (key: keyof TAccountState, value: boolean | string) =>
  key === "role" ? toApiEnum(value as string) : value;

/**
 * Drops every session and API key of the user from every instance's auth cache: each is loaded again from the
 * database on its next use, where the account's state and role are read afresh.
 */
const forgetCredentials = async (db: Db, authCache: TAuthCache, userId: string) => {
  const [sessions, keys] = await Promise.all([
    db.session.findMany({ where: { userId }, select: { sessionToken: true } }),
    db.apiKey.findMany({ where: { userId, revokedAt: null }, select: { keyHash: true } }),
  ]);
  await authCache.forget([...sessions.map((row) => row.sessionToken), ...keys.map((row) => row.keyHash)]);
};
