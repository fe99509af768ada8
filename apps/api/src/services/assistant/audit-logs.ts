import type { Db } from "@cto/db/client";

import { notFound } from "../../errors.ts";
import { readPage } from "../../lib/pagination.ts";
import { findOwned } from "../rows.ts";

/**
 * The agent's audit log, read-only: the database refuses changes to it. Only an assumption's
 * verification (verified, verifiedAt, verifiedBy, correction) may be set afterwards.
 */

type TAuditLogQuery = {
  limit: number;
  cursor?: string | undefined;
  actionType?: string | undefined;
  actionCategory?: string | undefined;
  sessionId?: string | undefined;
};

/** A page of the user's audit log, newest first. */
export const listAuditLogs = ({
  db,
  userId,
  query: { limit, cursor, actionType, actionCategory, sessionId },
}: {
  db: Db;
  userId: string;
  query: TAuditLogQuery;
}) => {
  const scope = { userId };
  return readPage(
    { limit, cursor },
    {
      listed: (id) => db.auditLog.findFirst({ where: { ...scope, id }, select: { id: true } }),
      read: (window) =>
        db.auditLog.findMany({
          where: { actionType, actionCategory, sessionId, ...scope },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...window,
        }),
    },
  );
};

/** One entry with the assumptions the agent made, in the order it made them. */
export const getAuditLog = ({ db, userId, id }: { db: Db; userId: string; id: string }) =>
  findOwned(
    {
      findFirst: (args) =>
        db.auditLog.findFirst({
          ...args,
          include: { assumptions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
        }),
    },
    { id, userId, noun: "audit log entry" },
  );

/** The user's verdict on an assumption of one of their entries; a later verdict replaces an earlier one (they may change their mind). */
export const verifyAssumption = async ({
  db,
  userId,
  auditLogId,
  id,
  verified,
  correction,
}: {
  db: Db;
  userId: string;
  auditLogId: string;
  id: string;
  verified: boolean;
  correction?: string | null | undefined;
}) => {
  const assumption = await db.agentAssumption.findFirst({
    where: { id, auditLogId, auditLog: { userId } },
    select: { id: true },
  });
  if (!assumption) throw notFound("assumption");
  return db.agentAssumption.update({
    where: { id },
    data: { verified, verifiedAt: new Date(), verifiedBy: "user", correction: correction ?? null },
  });
};
