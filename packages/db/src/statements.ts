import { createHash } from "node:crypto";

import type { Pool, QueryResultRow } from "pg";

import { serverSqlState } from "./errors.ts";
import { rawTypes } from "./timestamps.ts";

/**
 * Most statement texts a process names. The raw path's texts come from code (parameters carry every
 * value), so a few hundred cover an app; a text past the bound runs unnamed, which keeps each server
 * connection's prepared statements bounded even if a caller builds its text from values.
 */
export const MAX_NAMED_STATEMENTS = 500;

const names = new Map<string, string>();

/**
 * A statement text's name: the same in every process and on every connection, so that wherever a
 * connection finds a statement of that name (PgBouncer may hand it another client's server connection),
 * it is the same text. Null once MAX_NAMED_STATEMENTS texts have names.
 */
export const statementName = (text: string): string | null => {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_NAMED_STATEMENTS) return null;
  const name = `cto_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
  names.set(text, name);
  return name;
};

/**
 * Whether a pool's raw statements are named, and the texts that must not be. Named (prepared) statements
 * spare PostgreSQL parsing and planning each one again: on the chat page's statement, about half the
 * server's CPU (packages/db/README.md, "The client"). `enabled` turns off for good once a server says a
 * connection's statement is not there or already is: a pooler in transaction mode before PgBouncer 1.21
 * hands each transaction any server connection.
 */
export type TNamedStatements = { enabled: boolean; unnamed: Set<string> };

export const namedStatements = (enabled: boolean): TNamedStatements => ({ enabled, unnamed: new Set() });

/** For a statement that is not to be named. */
export const UNNAMED: TNamedStatements = { enabled: false, unnamed: new Set() };

// 26000: the connection's statement is not on this server connection; 42P05: one of that name already is.
// Both are raised before the statement runs, so running it again unnamed does it once.
const POOLER_CODES = new Set(["26000", "42P05"]);

// A statement prepared before a migration changed what it returns (`SELECT *` of a table that gained a
// column) fails on that connection with 0A000 until it is deallocated; that text then goes unnamed.
const RESULT_TYPE_CHANGED = /cached plan must not change result type/;

/**
 * A statement's rows on `pool`, named when `naming` allows: the first run on a connection parses it, later
 * runs only bind and execute it. Timestamps and the rest parse as `queryRows` documents (`rawTypes`).
 */
export const poolRows = async <R extends object>(
  pool: Pool,
  naming: TNamedStatements,
  text: string,
  values: unknown[],
): Promise<R[]> => {
  const name = naming.enabled && !naming.unnamed.has(text) ? statementName(text) : null;
  if (name === null) return (await pool.query<R & QueryResultRow>({ text, values, types: rawTypes })).rows;
  try {
    return (await pool.query<R & QueryResultRow>({ name, text, values, types: rawTypes })).rows;
  } catch (error) {
    const code = serverSqlState(error);
    if (code !== null && POOLER_CODES.has(code)) naming.enabled = false;
    else if (code === "0A000" && error instanceof Error && RESULT_TYPE_CHANGED.test(error.message))
      naming.unnamed.add(text);
    else throw error;
    return (await pool.query<R & QueryResultRow>({ text, values, types: rawTypes })).rows;
  }
};
