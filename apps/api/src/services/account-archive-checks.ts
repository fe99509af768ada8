import type { TArchiveRows, TSectionShape } from "./account-archive.ts";
import { isImported } from "./account-sections.ts";

export type TArchiveIssue = { path: (string | number)[]; message: string };
type Row = Record<string, unknown>;

/** Every problem is listed up to this many; a hostile archive could otherwise make the answer larger than itself. */
export const MAX_ARCHIVE_ISSUES = 200;

/** A unique key's value as one comparable string; undefined when a part is null (PostgreSQL lets NULLs repeat). */
const keyValue = (row: Row, columns: string[]) => {
  const parts = columns.map((column) => row[column]);
  if (parts.some((part) => part === null || part === undefined)) return undefined;
  return JSON.stringify(parts.map((part) => (part instanceof Date ? part.getTime() : part)));
};

/** Tasks whose parent chain comes back to them (a loop the database cannot refuse row by row), in one pass. */
const taskCycles = (tasks: Row[]) => {
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

/**
 * What ties the archive's rows together, checked before anything is written: ids unique per section,
 * owner columns naming the archive's user, every reference naming a row of the same archive (in the
 * section its foreign key or kind names), no loops among tasks, no unique key twice. A reference to a
 * post outside the archive is left to the import (it may be a published post of this instance);
 * `outsidePosts` lists them.
 */
export const archiveIssues = (shapes: TSectionShape[], userId: string, data: TArchiveRows) => {
  const issues: TArchiveIssue[] = [];
  const outsidePosts = new Set<string>();
  const add = (path: (string | number)[], message: string) => {
    if (issues.length < MAX_ARCHIVE_ISSUES) issues.push({ path: ["data", ...path], message });
  };
  const ids = new Map<string, Set<string>>();
  for (const { section } of shapes)
    ids.set(section.key, new Set((data[section.key] ?? []).map((row) => row.id as string)));

  for (const shape of shapes.filter(({ section }) => isImported(section))) {
    const { section } = shape;
    const rows = data[section.key] ?? [];
    const firstIndex = new Map<string, number>();
    const keys = shape.uniqueKeys
      .filter((key) => !key.some((column) => column in (section.importAs ?? {}) || section.omit?.includes(column)))
      .map((columns) => ({ columns, seen: new Map<string, number>() }));
    rows.forEach((row, index) => {
      const id = row.id as string;
      if (firstIndex.has(id))
        add([section.key, index, "id"], `duplicate id: data.${section.key}.${firstIndex.get(id)} has it too`);
      else firstIndex.set(id, index);
      for (const column of shape.ownerColumns)
        if (row[column] != null && row[column] !== userId)
          add(
            [section.key, index, column],
            "must be the archive's user (user.id): an archive holds one account's rows",
          );
      for (const [column, target] of Object.entries(shape.foreignKeys)) {
        const value = row[column] as string | null | undefined;
        if (value == null || ids.get(target)!.has(value)) continue;
        if (section.publishedPostColumn === column) outsidePosts.add(value);
        else add([section.key, index, column], `must name a row of data.${target} in this archive`);
      }
      for (const [column, reference] of Object.entries(section.looseReferences ?? {})) {
        if (!("kindColumn" in reference)) continue;
        const target = reference.sections[row[reference.kindColumn] as string]!;
        if (!ids.get(target)!.has(row[column] as string))
          add(
            [section.key, index, column],
            `must name a row of data.${target} in this archive (${reference.kindColumn} is ${String(row[reference.kindColumn])})`,
          );
      }
      for (const key of keys) {
        const value = key.columns.length ? keyValue(row, key.columns) : "one";
        if (value === undefined) continue;
        const earlier = key.seen.get(value);
        if (earlier === undefined) key.seen.set(value, index);
        else if (!key.columns.length)
          add([section.key, index], `an account has one of these, and data.${section.key}.${earlier} is it`);
        else
          add(
            [section.key, index, key.columns.at(-1)!],
            `${key.columns.join(", ")}: the same as data.${section.key}.${earlier}, and unique in an account`,
          );
      }
    });
    if (section.key === "tasks") {
      const cycles = taskCycles(rows);
      rows.forEach(
        (row, index) =>
          cycles.has(row.id as string) &&
          add(
            ["tasks", index, "parentId"],
            "tasks must not be their own ancestors: these refer to each other in a loop",
          ),
      );
    }
  }
  return { issues, outsidePosts: [...outsidePosts] };
};
