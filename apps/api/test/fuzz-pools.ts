/**
 * Ids the fuzz suite puts in paths and bodies: the signed-in user's own rows (so a request reaches
 * the handler), another user's rows (which must answer 404) and random ones. Each pool is keyed by a
 * collection path with its parameters blanked (`/conversations/{}/messages`) and holds, per row, the
 * path values that lead to it (`[conversationId, messageId]`).
 */

export type TPools = Map<string, string[][]>;

// Rows listed under one path and addressed under another.
const ALIASES: Record<string, string> = {
  "/analysis-sessions/{}/messages": "/analysis-messages",
  "/posts/{}/replies": "/replies",
};
const MAX_PER_POOL = 40;

/** The pool of the rows a path template's parameter `index` (among its `{…}`) addresses. */
export const poolKeyOf = (template: string, index: number) => {
  const segments = template.split("/");
  let seen = -1;
  for (let at = 0; at < segments.length; at += 1) {
    if (!segments[at]!.startsWith("{")) continue;
    seen += 1;
    if (seen === index)
      return segments
        .slice(0, at)
        .join("/")
        .replace(/\{[^}]+\}/g, "{}");
  }
  throw new Error(`${template} has no parameter ${index}`);
};

const add = (pools: TPools, key: string, tuple: string[]) => {
  const entries = pools.get(key) ?? [];
  if (!entries.some((entry) => entry.join("/") === tuple.join("/"))) entries.unshift(tuple);
  pools.set(key, entries.slice(0, MAX_PER_POOL));
  const alias = ALIASES[key];
  if (alias) add(pools, alias, tuple.slice(-1));
};

const isRow = (value: unknown): value is { id: string } & Record<string, unknown> =>
  !!value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string";

/** Records the rows of a successful response: the row itself, a page's items, and rows nested in lists of a row. */
export const recordRows = (pools: TPools, template: string, uuidValues: string[], body: unknown) => {
  const endsWithParameter = /\/\{[^}]+\}$/.test(template);
  const collection = (endsWithParameter ? template.replace(/\/\{[^}]+\}$/, "") : template).replace(/\{[^}]+\}/g, "{}");
  const parents = endsWithParameter ? uuidValues.slice(0, -1) : uuidValues;
  const rows = isRow(body)
    ? [body]
    : Array.isArray((body as { items?: unknown })?.items)
      ? (body as { items: unknown[] }).items.filter(isRow)
      : [];
  for (const row of rows) {
    const tuple = [...parents, row.id];
    add(pools, collection, tuple);
    for (const [field, value] of Object.entries(row)) {
      if (Array.isArray(value))
        for (const nested of value.filter(isRow)) add(pools, `${collection}/{}/${field}`, [...tuple, nested.id]);
    }
  }
};

/** Every id of a pool map, for body fields that may point at any row. */
export const allIds = (pools: TPools) => [
  ...new Set([...pools.values()].flatMap((tuples) => tuples.map((tuple) => tuple.at(-1)!))),
];

// Body fields that reference a row, and the pool their ids should come from for the request to pass.
export const FIELD_POOLS: Record<string, string> = {
  goalId: "/goals",
  conversationId: "/conversations",
  placeId: "/places",
  parentId: "/tasks",
  taskId: "/tasks",
  eventId: "/events",
  assignedToId: "/people",
};
