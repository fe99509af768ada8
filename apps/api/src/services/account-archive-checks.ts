export type TArchiveIssue = { path: (string | number)[]; message: string };
type Row = Record<string, unknown>;

/** Every problem is listed up to this many; a hostile archive could otherwise make the answer larger than itself. */
export const MAX_ARCHIVE_ISSUES = 200;

/** A unique key's value as one comparable string; undefined when a part is null (PostgreSQL lets NULLs repeat). */
export const keyValue = (row: Row, columns: string[]) => {
  const parts = columns.map((column) => row[column]);
  if (parts.some((part) => part === null || part === undefined)) return undefined;
  return JSON.stringify(parts.map((part) => (part instanceof Date ? part.getTime() : part)));
};

/** Tasks whose parent chain comes back to them (a loop the database cannot refuse row by row), in one pass. */
export const taskCycles = (tasks: Row[]) => {
  const parentOf = new Map(tasks.map((task) => [task.id as string, task.parentId as string | null | undefined]));
  // "open": on the chain being walked; "done": its chain was walked before.
  const state = new Map<string, "open" | "done">();
  const inCycle = new Set<string>();
  for (const task of tasks) {
    const chain: string[] = [];
    let current = task.id as string | null | undefined;
    for (; current && parentOf.has(current) && !state.has(current); current = parentOf.get(current)) {
      state.set(current, "open");
      chain.push(current);
    }
    if (current && state.get(current) === "open") for (const id of chain.slice(chain.indexOf(current))) inCycle.add(id);
    for (const id of chain) state.set(id, "done");
  }
  return inCycle;
};
