import type { TAdminAuditEntry } from "@cto/contracts/api/admin";
import type { Db } from "@cto/db/client";

import { readPage } from "../../lib/pagination.ts";

/** The admin audit log, newest first, optionally only the changes to one account; ids with their current address. */
export const listAdminAudit = async ({
  db,
  targetId,
  limit,
  cursor,
}: {
  db: Db;
  targetId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}) => {
  const page = await readPage(
    { limit, cursor },
    {
      listed: (id) => db.adminAuditLog.findUnique({ where: { id }, select: { id: true } }),
      read: (window) =>
        db.adminAuditLog.findMany({
          where: targetId ? { targetId } : {},
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
        }),
    },
  );
  // Accounts are named by id (the log keeps no address): the address shown is today's, null once deleted.
  const ids = [...new Set(page.items.flatMap((entry) => [entry.actorId, entry.targetId]))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const emails = new Map(users.map((user) => [user.id, user.email]));
  const account = (id: string) => ({ id, email: emails.get(id) ?? null });
  const items: TAdminAuditEntry[] = page.items.map((entry) => ({
    id: entry.id,
    action: entry.action,
    actor: account(entry.actorId),
    target: account(entry.targetId),
    before: entry.before as Record<string, unknown>,
    after: entry.after as Record<string, unknown>,
    requestId: entry.requestId,
    createdAt: entry.createdAt.getTime(),
  }));
  return { items, nextCursor: page.nextCursor };
};
