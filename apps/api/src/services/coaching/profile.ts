import type { z } from "zod";

import type { ZPutModelPreferenceSchema, ZPutUserContextSchema } from "@cto/contracts/api/coaching";
import type { Db } from "@cto/db/client";

import { NO_SHARED_CACHE, type TSharedCache } from "../../lib/shared-cache.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";

/** 004's personalisation profile (1:1 with the user) and the user's chat model choice. */

const modelSelect = { currentModel: true, preferredModels: true } as const;

const USER_CONTEXT = "user-context";

/**
 * The user's context profile; null before they first tell anything (an answer, not a missing resource).
 * Every chat turn reads it, so it is cached in Redis for all API instances (004's caching layers);
 * every write to it calls `forgetUserContext`.
 */
export const getUserContext = ({
  db,
  userId,
  sharedCache = NO_SHARED_CACHE,
}: {
  db: Db;
  userId: string;
  sharedCache?: TSharedCache;
}) => sharedCache.read(USER_CONTEXT, userId, () => db.userContext.findUnique({ where: { userId } }));

/** After any committed write to the user's profile: every instance's next read finds it in the database. */
export const forgetUserContext = (sharedCache: TSharedCache | undefined, userId: string) =>
  (sharedCache ?? NO_SHARED_CACHE).invalidate(USER_CONTEXT, userId);

/** Creates or replaces the profile (fields left out are cleared); its embedding follows. */
export const putUserContext = async ({
  userId,
  input,
  ...deps
}: TDeps & { userId: string; input: z.output<typeof ZPutUserContextSchema> }) => {
  const context = await deps.db.userContext.upsert({ where: { userId }, create: { ...input, userId }, update: input });
  await forgetUserContext(deps.sharedCache, userId);
  await syncOwnerEmbeddings({ ...deps, userId, ownerKind: "USER_CONTEXT", ownerIds: [context.id], event: "update" });
  return context;
};

export const getModelPreference = ({ db, userId }: { db: Db; userId: string }) =>
  db.user.findUniqueOrThrow({ where: { id: userId }, select: modelSelect });

export const setModelPreference = ({
  db,
  userId,
  input,
}: {
  db: Db;
  userId: string;
  input: z.output<typeof ZPutModelPreferenceSchema>;
}) => db.user.update({ where: { id: userId }, data: input, select: modelSelect });
