import { z } from "zod";

import { zText } from "./values.ts";

/** Cursor pagination: `cursor` is the opaque `nextCursor` of the previous page. */
export const ZPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zText().min(1).max(512).optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuerySchema>;

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
