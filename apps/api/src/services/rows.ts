import { toDbError } from "@cto/db/errors";

import { ApiError, notFound } from "../errors.ts";

type TWhere = Record<string, unknown>;
/** The read a lookup needs; every Prisma model delegate has it. */
type TFinder<R> = { findFirst(args: { where: TWhere }): PromiseLike<R | null> };
type TUpdater<R> = { update(args: { where: { id: string } & TWhere; data: TWhere }): PromiseLike<R> };

export type TOwnedLookup = {
  id: string;
  userId: string;
  /** Names the row in the 404: "goal" answers "No such goal.". */
  noun: string;
  /** The column that ties a row to its user. */
  owner?: "userId" | "authorId";
  /** More conditions on the row (the trash side, a parent); they only narrow. */
  where?: TWhere;
};

/**
 * The caller's row `id`, or 404 naming `noun`. Another user's row answers exactly like a missing
 * one. Reads of soft-deletable models see live rows only unless `where` names `deletedAt`.
 */
export const findOwned = async <R>(
  model: TFinder<R>,
  { id, userId, noun, owner = "userId", where = {} }: TOwnedLookup,
) => {
  const row = await model.findFirst({ where: { id, [owner]: userId, ...where } });
  if (!row) throw notFound(noun);
  return row;
};

export type TTransition<S extends string> = {
  /** The statuses the move may start from. */
  from: readonly S[];
  /** What the move writes (the new status and its timestamp). */
  data: TWhere;
  /** Why a row in another status cannot move: the 409's message. */
  refusal: (status: S) => string;
};

/**
 * Moves the caller's row along its lifecycle (complete, skip, cancel…): 404 when it is not theirs,
 * 409 `invalid_state` with `refusal` when its status is not one of `from`. The write is conditional
 * on the status, so of two racing moves (complete and skip at once) one wins and the other is refused.
 */
export const transitionOwned = async <R extends { status: string }>(
  model: TFinder<R> & TUpdater<R>,
  lookup: TOwnedLookup,
  { from, data, refusal }: TTransition<NoInfer<R["status"]>>,
) => {
  const row = await findOwned(model, lookup);
  if (!from.includes(row.status)) throw new ApiError("invalid_state", refusal(row.status));
  try {
    return await model.update({ where: { id: lookup.id, status: { in: [...from] } }, data });
  } catch (error) {
    if (toDbError(error)?.code !== "not_found") throw error;
    // Another request moved (or deleted) it between the read and the write.
    throw new ApiError("invalid_state", refusal((await findOwned(model, lookup)).status));
  }
};
