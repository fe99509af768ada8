import { z } from "@hono/zod-openapi";

import { ApiError } from "../errors.ts";

/** What Prisma needs to read one page after the cursor row: one row more than the page, to know whether another follows. */
export type TPageWindow = { take: number; cursor?: { id: string }; skip?: number };

const invalidCursor = () =>
  new ApiError("validation_failed", "The cursor is not valid.", [
    { path: "cursor", message: "not a row of this list; use nextCursor of the previous page" },
  ]);

/**
 * One page of a cursor-paginated list, the way every list route reads it. The cursor must name a row
 * of this very list (the caller's, under this parent, in this trash state): Prisma would otherwise
 * start from wherever any row with that id sits, so another user's id would page through the list
 * from that row's position and tell where it sits. `listed(id)` says whether the row is one the list
 * could show (its scope, without the optional filters, so a row that was edited out of a filter
 * between two pages still continues the list); `read(window)` reads the page with the list's own
 * where, order and include.
 */
export const readPage = async <R extends { id: string }>(
  { limit, cursor }: { limit: number; cursor?: string | undefined },
  { listed, read }: { listed: (id: string) => Promise<unknown>; read: (window: TPageWindow) => Promise<R[]> },
) => {
  if (cursor !== undefined && !(z.uuid().safeParse(cursor).success && (await listed(cursor)))) throw invalidCursor();
  const rows = await read({
    take: limit + 1,
    ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
};
