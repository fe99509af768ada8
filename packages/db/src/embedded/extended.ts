// Reading and renaming the extended-query messages (Parse, Bind, Describe, Close, Execute).
import { createHash } from "node:crypto";

import { cstring, message, readCString, type Message } from "./wire.ts";

const NAME_MAX_BYTES = 63;

/**
 * The name a connection's prepared statement has in the shared PGlite session: one connection's
 * "s1" is not another's. Names are kept under PostgreSQL's 63 bytes, where longer ones would be cut.
 */
export const sessionStatementName = (connectionId: number, name: string) => {
  if (name === "") return "";
  const prefixed = `_cto${connectionId}_${name}`;
  if (Buffer.byteLength(prefixed) <= NAME_MAX_BYTES) return prefixed;
  return `_cto${connectionId}_${createHash("sha256").update(name).digest("hex").slice(0, 40)}`;
};

export type Parse = { name: string; sql: string; paramTypes: number[]; rest: Buffer };

export const readParse = ({ body }: Message): Parse => {
  const [name, afterName] = readCString(body, 0);
  const [sql, afterSql] = readCString(body, afterName);
  const count = body.readInt16BE(afterSql);
  const paramTypes = Array.from({ length: count }, (_, i) => body.readUInt32BE(afterSql + 2 + 4 * i));
  return { name, sql, paramTypes, rest: body.subarray(afterName) };
};

export const renameParse = (parse: Parse, name: string) => message("P", cstring(name), parse.rest);

export type Bind = {
  portal: string;
  statement: string;
  params: (Buffer | null)[];
  paramFormats: number[];
  resultFormats: number[];
  rest: Buffer;
};

export const readBind = ({ body }: Message): Bind => {
  const [portal, afterPortal] = readCString(body, 0);
  const [statement, afterStatement] = readCString(body, afterPortal);
  let offset = afterStatement;
  const readInt16s = () => {
    const count = body.readInt16BE(offset);
    const values = Array.from({ length: count }, (_, i) => body.readInt16BE(offset + 2 + 2 * i));
    offset += 2 + 2 * count;
    return values;
  };
  const paramFormats = readInt16s();
  const params: (Buffer | null)[] = [];
  const paramCount = body.readInt16BE(offset);
  offset += 2;
  for (let i = 0; i < paramCount; i++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    params.push(length < 0 ? null : body.subarray(offset, offset + length));
    offset += Math.max(length, 0);
  }
  const resultFormats = readInt16s();
  return { portal, statement, params, paramFormats, resultFormats, rest: body.subarray(afterStatement) };
};

export const renameBindStatement = (bind: Bind, statement: string) =>
  message("B", cstring(bind.portal), cstring(statement), bind.rest);

/** The format (0 text, 1 binary) of parameter or column `index` under a Bind's format codes. */
export const formatAt = (formats: number[], index: number) =>
  formats.length === 1 ? formats[0]! : (formats[index] ?? 0);

/** Describe and Close name a statement ('S') or a portal ('P'). */
export type Target = { kind: "S" | "P"; name: string };

export const readTarget = ({ body }: Message): Target => ({
  kind: String.fromCharCode(body[0]!) === "S" ? "S" : "P",
  name: readCString(body, 1)[0],
});

export const renameTarget = (type: "D" | "C", target: Target, name: string) =>
  message(type, Buffer.from(target.kind, "latin1"), cstring(name));

export const readExecutePortal = ({ body }: Message) => readCString(body, 0)[0];

export const readQueryText = ({ body }: Message) => readCString(body, 0)[0];
