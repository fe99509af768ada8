import { z } from "zod";

import { zText } from "@cto/contracts/values";
import type { Db } from "@cto/db/client";

import { notFound } from "../errors.ts";
import { resourceService } from "./resource.ts";

/** Accounts of other services the user connected (their tokens never leave the server); listed and disconnected here. */
export const connectedAccountService = resourceService({
  name: "connected accounts",
  model: (db) => db.connectedAccount,
  filters: z.object({ provider: zText().max(50).optional() }),
  where: ({ provider }) => ({ provider }),
  sorts: { created: [{ createdAt: "desc" }] },
});

/** Disconnects one of the user's accounts: the row and its tokens are deleted. */
export const disconnectAccount = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const { count } = await db.connectedAccount.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound("connected account");
};
