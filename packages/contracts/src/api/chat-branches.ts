/**
 * Editing a sent message branches the thread. A user's chat message names the user message it follows
 * in `metadata.parentId` (null: the thread's first); an edit stores a new message beside the edited one
 * (same parent), so the versions of a message are siblings, and each version's replies and the
 * messages after it are its branch. Of the siblings, the one with the latest `metadata.chosenAt` is
 * current (none chosen: the latest stored). A message stored before branches (no `parentId`) follows
 * the user message before it; any other message belongs to the user message before it.
 */
type TBranchRow = { id: string; role: string; metadata?: unknown };
type TBranchMeta = { parentId?: unknown; chosenAt?: unknown };

const metaOf = (row: TBranchRow): TBranchMeta =>
  row.metadata && typeof row.metadata === "object" && !Array.isArray(row.metadata) ? row.metadata : {};
const isUser = (row: TBranchRow) => row.role.toLowerCase() === "user";
const chosenAt = (row: TBranchRow) => {
  const at = metaOf(row).chosenAt;
  return typeof at === "number" ? at : Number.NEGATIVE_INFINITY;
};

/** The thread's branches, from its rows in the order they were stored. */
export const chatBranches = <T extends TBranchRow>(rows: T[]) => {
  const parentOf = new Map<string, string | null>();
  const children = new Map<string | null, T[]>();
  const ownerOf = new Map<string, string | null>();
  let previous: string | null = null;
  for (const row of rows) {
    if (!isUser(row)) {
      ownerOf.set(row.id, previous);
      continue;
    }
    const named = metaOf(row).parentId;
    const parent = named === null || (typeof named === "string" && parentOf.has(named)) ? named : previous;
    parentOf.set(row.id, parent);
    const siblings = children.get(parent);
    if (siblings) siblings.push(row);
    else children.set(parent, [row]);
    previous = row.id;
  }
  const current = new Set<string>();
  let last: string | null = null;
  for (let versions = children.get(null); versions; versions = children.get(last)) {
    const chosen = versions.reduce((best, row) => (chosenAt(row) >= chosenAt(best) ? row : best));
    current.add(chosen.id);
    last = chosen.id;
  }
  const isCurrent = (row: T) => {
    const owner = isUser(row) ? row.id : ownerOf.get(row.id);
    return owner === null || owner === undefined || current.has(owner);
  };
  /** The user messages from the thread's first down to `id`'s parent, first first. */
  const ancestorsOf = (id: string) => {
    const chain: string[] = [];
    for (let at = parentOf.get(id) ?? null; at !== null; at = parentOf.get(at) ?? null) chain.unshift(at);
    return chain;
  };
  return {
    /** The rows of the current branch, in order: what the thread shows and the coach reads. */
    current: rows.filter(isCurrent),
    /** The current branch's latest user message, which the next message follows. */
    last,
    isCurrent: (id: string) => current.has(id),
    /** The versions of the user message `id` (itself included), oldest first. */
    versionsOf: (id: string): T[] => (parentOf.has(id) ? (children.get(parentOf.get(id) ?? null) ?? []) : []),
    parentOf: (id: string) => parentOf.get(id) ?? null,
    ancestorsOf,
  };
};
