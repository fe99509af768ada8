import type { Db } from "@cto/db/client";

import { readPage } from "../../lib/pagination.ts";

type TAssumptionQuery = {
  limit: number;
  cursor?: string | undefined;
  status?: "unreviewed" | "confirmed" | "corrected";
};

const STATUS_WHERE = {
  unreviewed: { verified: null },
  confirmed: { verified: true },
  corrected: { verified: false },
} as const;

/**
 * The assumptions the coach made across the user's audit log, newest first, each with the action it
 * was made for. The audit log is append-only: an assumption is never deleted, only confirmed or
 * corrected (services/assistant/audit-logs.ts verifyAssumption), and the coach never reads them back.
 */
export const listAssumptions = ({ db, userId, query }: { db: Db; userId: string; query: TAssumptionQuery }) => {
  const scope = { auditLog: { userId } };
  const where = { ...(query.status ? STATUS_WHERE[query.status] : {}), ...scope };
  return readPage(
    { limit: query.limit, cursor: query.cursor },
    {
      listed: (id) => db.agentAssumption.findFirst({ where: { ...scope, id }, select: { id: true } }),
      read: (window) =>
        db.agentAssumption.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          include: {
            auditLog: {
              select: {
                intent: true,
                actionType: true,
                conversationId: true,
                entityType: true,
                entityId: true,
                createdAt: true,
              },
            },
          },
          ...window,
        }),
    },
  );
};
