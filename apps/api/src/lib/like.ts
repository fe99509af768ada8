/**
 * A Prisma `contains` filter that matches `text` literally. Prisma sends `contains` to PostgreSQL as
 * `ILIKE '%' || text || '%'` without escaping, so `%` and `_` in a search would act as wildcards
 * (`?q=%` matched every row); a backslash, PostgreSQL's default LIKE escape, makes them plain.
 */
export const containsText = (text: string) => ({
  contains: text.replace(/[\\%_]/g, "\\$&"),
  mode: "insensitive" as const,
});
