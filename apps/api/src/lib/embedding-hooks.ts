import type { Context } from "hono";

import type { Db } from "@cto/db/client";
import type { EmbeddingOwnerKind } from "@cto/db/generated";

import type { AppEnv } from "../context.ts";
import { syncOwnerEmbeddings } from "../services/embeddings.ts";
import type { TAfterWrite, TWriteEvent } from "./resource.ts";

type TEmbeddingWrite = { c: Context<AppEnv>; db: Db; userId: string; ownerKind: EmbeddingOwnerKind; ownerIds: string[]; event: TWriteEvent };

/** A route's write, with the request's queues (bounded, see `createApp`): see `syncOwnerEmbeddings`. */
export const syncEmbeddings = ({ c, ...write }: TEmbeddingWrite) => syncOwnerEmbeddings({ ...write, queues: c.get("queues"), logger: c.get("logger") });

/** The resource-route hook for one owner kind: `afterWrite: [embedOnWrite("GOAL")]`. */
export const embedOnWrite =
  (ownerKind: EmbeddingOwnerKind): TAfterWrite =>
  ({ c, db, userId, event, row }) =>
    syncEmbeddings({ c, db, userId, ownerKind, ownerIds: [row.id], event });
