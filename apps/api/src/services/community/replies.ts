import type { z } from "zod";

import type { ZCreateReplySchema } from "@cto/contracts/api/community";
import type { Db } from "@cto/db/client";

import { readPage } from "../../lib/pagination.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { findOwned } from "../rows.ts";
import { assertPublished, authorSelect, findVisiblePost } from "./feed.ts";

type TReplyInput = z.output<typeof ZCreateReplySchema>;
/** A reply written to post `id`, or a change to reply `id`, by the user. */
type TReplyWrite = TDeps & { userId: string; id: string; input: TReplyInput };

/** A page of a visible post's replies, oldest first. */
export const listReplies = async ({
  db,
  userId,
  id,
  query: { limit, cursor },
}: {
  db: Db;
  userId: string;
  id: string;
  query: { limit: number; cursor?: string | undefined };
}) => {
  await findVisiblePost(db, userId, id);
  return readPage(
    { limit, cursor },
    {
      listed: (row) => db.reply.findFirst({ where: { id: row, postId: id }, select: { id: true } }),
      read: (window) =>
        db.reply.findMany({
          where: { postId: id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { author: authorSelect },
          ...window,
        }),
    },
  );
};

/** The user's reply to published post `id`; its embedding follows. */
export const replyToPost = async ({ userId, id, input, ...deps }: TReplyWrite) => {
  const { db } = deps;
  assertPublished(await findVisiblePost(db, userId, id));
  const reply = await db.reply.create({
    data: { ...input, postId: id, authorId: userId },
    include: { author: authorSelect },
  });
  await syncOwnerEmbeddings({ ...deps, userId, ownerKind: "REPLY", ownerIds: [reply.id], event: "create" });
  return reply;
};

/** Only the author may change or delete a reply; anyone else's is "not found". */
const findOwnReply = (db: Db, userId: string, id: string) =>
  findOwned(db.reply, { id, userId, owner: "authorId", noun: "reply" });

export const updateReply = async ({ userId, id, input, ...deps }: TReplyWrite) => {
  const { db } = deps;
  await findOwnReply(db, userId, id);
  const reply = await db.reply.update({ where: { id }, data: input, include: { author: authorSelect } });
  await syncOwnerEmbeddings({
    ...deps,
    userId: reply.authorId,
    ownerKind: "REPLY",
    ownerIds: [reply.id],
    event: "update",
  });
  return reply;
};

export const deleteReply = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  await findOwnReply(db, userId, id);
  await db.reply.delete({ where: { id } });
};
