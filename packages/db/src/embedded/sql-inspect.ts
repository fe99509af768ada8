// What the embedded server needs to know about a statement before PGlite runs it: whether it would
// touch another connection's state, which session settings it changes, and advisory lock calls.
import type { ErrorFields } from "./wire.ts";

/** Where a statement may start in a script: the beginning or a semicolon, then blanks and comments. */
const STATEMENT_START = String.raw`(?:^|;)(?:\s|--[^\n]*(?:\n|$)|/\*[\s\S]*?\*/)*`;

const statementStarting = (words: string) => new RegExp(`${STATEMENT_START}${words}`, "i");

const COPY_FROM_STDIN = /\bCOPY\b[\s\S]*?\bFROM\s+STDIN\b/i;
const SESSION_WIDE = statementStarting(String.raw`(?:DISCARD\s+ALL|DEALLOCATE\s+(?:PREPARE\s+)?ALL|LISTEN|UNLISTEN)\b`);
const SESSION_ADVISORY = /\bpg_(?:try_)?advisory_(?:lock|unlock)(?:_shared|_all)?\s*\(/i;

export type AdvisoryFunction = "lock" | "try" | "unlock" | "unlock_all";
export type AdvisoryArg = { param: number } | { value: bigint };
export type AdvisoryCall = { fn: AdvisoryFunction; shared: boolean; args: AdvisoryArg[]; column: string };

const ADVISORY_STATEMENT = new RegExp(
  String.raw`^\s*SELECT\s+(pg_(try_)?advisory_(lock|unlock)(_shared)?|pg_advisory_unlock_all)` +
    String.raw`\s*\(\s*([^()]*?)\s*\)\s*(?:AS\s+("(?:[^"]|"")+"|[A-Za-z_]\w*))?\s*;?\s*$`,
  "i",
);
const ADVISORY_ARG = /^(?:\$(\d+)|([+-]?\d+)|'([+-]?\d+)')(?:\s*::\s*(?:bigint|int8|integer|int4|int))?$/i;

const unquote = (identifier: string) =>
  identifier.startsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier.toLowerCase();

/**
 * A statement that is one session-level advisory lock call (`SELECT pg_advisory_lock(42)`,
 * `pg_try_advisory_lock($1, $2)`, …, `pg_advisory_unlock_all()`), which the server answers from
 * its per-connection lock table; "unsupported" when the statement calls one in any other shape.
 */
export const advisoryCall = (sql: string): AdvisoryCall | "unsupported" | undefined => {
  if (!SESSION_ADVISORY.test(sql)) return undefined;
  const match = ADVISORY_STATEMENT.exec(sql);
  if (!match) return "unsupported";
  const [, name, tryPrefix, verb, shared, argText, alias] = match;
  const fn: AdvisoryFunction =
    name!.toLowerCase() === "pg_advisory_unlock_all"
      ? "unlock_all"
      : tryPrefix
        ? "try"
        : (verb!.toLowerCase() as "lock" | "unlock");
  const parts = argText ? argText.split(",").map((part) => part.trim()) : [];
  const args: AdvisoryArg[] = [];
  for (const part of parts) {
    const arg = ADVISORY_ARG.exec(part);
    if (!arg) return "unsupported";
    args.push(arg[1] ? { param: Number(arg[1]) } : { value: BigInt(arg[2] ?? arg[3]!) });
  }
  if (fn === "unlock_all" ? args.length !== 0 : args.length < 1 || args.length > 2) return "unsupported";
  return { fn, shared: Boolean(shared), args, column: alias ? unquote(alias) : name!.toLowerCase() };
};

const refused = (message: string, hint: string): ErrorFields => ({
  severity: "ERROR",
  code: "0A000",
  message,
  hint,
});

/** Why the embedded server will not run this statement, if it will not. */
export const refusalFor = (sql: string): ErrorFields | undefined => {
  if (COPY_FROM_STDIN.test(sql)) {
    return refused(
      "COPY FROM STDIN is not supported by the embedded database",
      "Insert the rows with INSERT, or use PostgreSQL (DATABASE_URL).",
    );
  }
  if (SESSION_WIDE.test(sql)) {
    return refused(
      "DISCARD ALL, DEALLOCATE ALL, LISTEN and UNLISTEN are not supported by the embedded database: " +
        "its connections share one PGlite session",
      "Deallocate statements by name and RESET settings instead; " + "use PostgreSQL (DATABASE_URL) for LISTEN/NOTIFY.",
    );
  }
  if (advisoryCall(sql) === "unsupported") {
    return refused(
      "the embedded database keeps session-level advisory locks per connection only when the lock " +
        "call is a statement of its own",
      "Send SELECT pg_advisory_lock(<integer or $n>[, …]) on its own, " +
        "or use pg_advisory_xact_lock inside a transaction.",
    );
  }
  return undefined;
};

const SETTING_STATEMENT = new RegExp(
  String.raw`${STATEMENT_START}(?:SET|RESET)\s+(?:(SESSION|LOCAL)\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w.$]*)`,
  "gi",
);
const SET_CONFIG = /\bset_config\s*\(\s*(?:'((?:[^']|'')*)'|([^,)]*))/gi;

/** Keywords of SET that are not the setting's own name. */
const SETTING_ALIASES: Record<string, string[]> = {
  time: ["timezone"],
  names: ["client_encoding"],
  schema: ["search_path"],
  xml: ["xmloption"],
  authorization: ["session_authorization"],
  characteristics: ["default_transaction_isolation", "default_transaction_read_only", "default_transaction_deferrable"],
  transaction: [],
  constraints: [],
};

/**
 * The session settings a statement may change: their names, or `all` when it cannot tell which
 * (RESET ALL, set_config with a computed name), so the server reads them all back afterwards;
 * `statements` counts its SET and RESET statements, to compare with the SET tags PGlite answers.
 */
export const settingsChangedBy = (sql: string): { names: string[]; all: boolean; statements: number } => {
  const names: string[] = [];
  let all = false;
  let statements = 0;
  for (const [, , word] of sql.matchAll(SETTING_STATEMENT)) {
    statements++;
    const name = unquote(word!);
    if (name === "all") all = true;
    else names.push(...(SETTING_ALIASES[name] ?? [name]));
  }
  for (const [, literal, expression] of sql.matchAll(SET_CONFIG)) {
    if (literal !== undefined) names.push(literal.replaceAll("''", "'").toLowerCase());
    else if (expression !== undefined) all = true;
  }
  return { names, all, statements };
};

export const mentionsTemporaryObjects = (sql: string) => /\b(?:TEMP|TEMPORARY|pg_temp)\b/i.test(sql);
