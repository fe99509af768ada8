// The advisory lock calls the server answers itself: their keys, result columns and values, as
// PostgreSQL would send them for `SELECT pg_advisory_lock(…)` and its siblings.
import type { LockMode } from "./advisory-locks.ts";
import { formatAt } from "./extended.ts";
import type { AdvisoryCall } from "./sql-inspect.ts";
import type { Column, ErrorFields } from "./wire.ts";

const BOOL_OID = 16;
const INT8_OID = 20;
const INT4_OID = 23;
const VOID_OID = 2278;

export type AdvisoryStatement = { call: AdvisoryCall; paramTypes: number[] };
/** A key of PostgreSQL's advisory lock space (one bigint, or two integers), or null for a NULL argument. */
export type AdvisoryKey = string | null;

export const modeOf = (call: AdvisoryCall): LockMode => (call.shared ? "shared" : "exclusive");

const argType = (statement: AdvisoryStatement) => (statement.call.args.length === 1 ? INT8_OID : INT4_OID);

/** The parameter types a Describe of the statement reports: declared ones, else the function's. */
export const parameterTypes = ({ call, paramTypes }: AdvisoryStatement) => {
  const count = Math.max(paramTypes.length, ...call.args.map((arg) => ("param" in arg ? arg.param : 0)));
  return Array.from({ length: count }, (_, i) => paramTypes[i] || argType({ call, paramTypes }));
};

export const resultColumn = (call: AdvisoryCall, format: number): Column => {
  const isVoid = call.fn === "lock" || call.fn === "unlock_all";
  return { name: call.column, typeOid: isVoid ? VOID_OID : BOOL_OID, typeSize: isVoid ? 4 : 1, format };
};

/** A result value in the requested format: void is empty, booleans are t/f (text) or one byte (binary). */
export const encodeResult = (value: boolean | null | undefined, format: number): Buffer | null => {
  if (value === null) return null;
  if (value === undefined) return Buffer.alloc(0);
  return format === 1 ? Buffer.from([value ? 1 : 0]) : Buffer.from(value ? "t" : "f");
};

const outOfRange = (type: string): ErrorFields => ({
  severity: "ERROR",
  code: "22003",
  message: `value out of range for type ${type}`,
});

const decodeParam = (value: Buffer, format: number): bigint | ErrorFields => {
  if (format === 0) {
    const text = value.toString("utf8").trim();
    return /^[+-]?\d+$/.test(text)
      ? BigInt(text)
      : { severity: "ERROR", code: "22P02", message: `invalid input syntax for type bigint: "${text}"` };
  }
  if (value.length === 8) return value.readBigInt64BE();
  if (value.length === 4) return BigInt(value.readInt32BE());
  if (value.length === 2) return BigInt(value.readInt16BE());
  return { severity: "ERROR", code: "22P03", message: "incorrect binary data format in bind parameter" };
};

/** The lock key of a call with its parameters bound. */
export const keyOf = (
  { call }: AdvisoryStatement,
  params: (Buffer | null)[],
  paramFormats: number[],
): AdvisoryKey | ErrorFields => {
  const values: bigint[] = [];
  for (const arg of call.args) {
    if ("value" in arg) {
      values.push(arg.value);
      continue;
    }
    if (arg.param > params.length)
      return { severity: "ERROR", code: "42P02", message: `there is no parameter $${arg.param}` };
    const raw = params[arg.param - 1];
    if (raw === null || raw === undefined) return null;
    const decoded = decodeParam(raw, formatAt(paramFormats, arg.param - 1));
    if (typeof decoded !== "bigint") return decoded;
    values.push(decoded);
  }
  if (values.length === 1) {
    const [key] = values as [bigint];
    return key < -(2n ** 63n) || key >= 2n ** 63n ? outOfRange("bigint") : `8:${key}`;
  }
  if (values.some((value) => value < -(2n ** 31n) || value >= 2n ** 31n)) return outOfRange("integer");
  return values.length ? `4:${values.join(":")}` : "all";
};
