import { z } from "zod";

/**
 * The values the API accepts, in one place: every request schema builds its instants, texts and
 * free-form JSON from these, so the database never receives a value it would refuse or change.
 */

// ——— Instants ———

/**
 * Years 1 to 9999 (UTC). PostgreSQL's timestamptz holds 4713 BC to 294276 AD and a JS `Date`
 * ±8.64e15 ms, but a timestamp read back from PostgreSQL past year 9999 is not a valid `Date` (it came
 * back as null), and ISO 8601 strings, `<input type="date">` and most clients stop at four-digit years.
 */
export const TIMESTAMP_RANGE = { min: -62_135_596_800_000, max: 253_402_300_799_999 } as const;
const TIMESTAMP_MESSAGE = "Must be Unix milliseconds between 0001-01-01 and 9999-12-31 (UTC).";
const TIMESTAMP_DESCRIPTION = "Unix time in milliseconds, 0001-01-01 to 9999-12-31 UTC";

export const isApiTimestamp = (milliseconds: number) =>
  Number.isInteger(milliseconds) && milliseconds >= TIMESTAMP_RANGE.min && milliseconds <= TIMESTAMP_RANGE.max;

/** A timestamp in a JSON body: Unix milliseconds within `TIMESTAMP_RANGE`, kept as a number. */
export const ZTimestampMsSchema = z
  .number()
  .int(TIMESTAMP_MESSAGE)
  .min(TIMESTAMP_RANGE.min, TIMESTAMP_MESSAGE)
  .max(TIMESTAMP_RANGE.max, TIMESTAMP_MESSAGE)
  .describe(TIMESTAMP_DESCRIPTION);

/** A timestamp in a query string (`?dueBefore=`): the same range, from its decimal text. */
export const ZQueryTimestampSchema = z.coerce
  .number(TIMESTAMP_MESSAGE)
  .int(TIMESTAMP_MESSAGE)
  .min(TIMESTAMP_RANGE.min, TIMESTAMP_MESSAGE)
  .max(TIMESTAMP_RANGE.max, TIMESTAMP_MESSAGE)
  .describe(TIMESTAMP_DESCRIPTION);

// ——— Text ———

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const TEXT_MESSAGE = "Must not contain a NUL character (\\u0000) or an unpaired UTF-16 surrogate.";

/**
 * Whether PostgreSQL stores `text` exactly: it refuses NUL (in text and in jsonb strings), and an
 * unpaired surrogate (valid in a JSON string escape) has no UTF-8 form, so it would be stored as U+FFFD.
 */
export const isStorableText = (text: string) => !text.includes("\u0000") && !LONE_SURROGATE.test(text);

/**
 * A string of a request: storable text (see `isStorableText`). Chain its length rules as usual,
 * `zText().trim().min(1).max(200)`; every request string has a maximum length.
 */
export const zText = () => z.string().refine(isStorableText, TEXT_MESSAGE);

/** A URL of a request, storable like `zText` (a URL parser accepts a NUL, which it would percent-encode). */
export const zUrl = (params?: Parameters<typeof z.url>[0]) => z.url(params).refine(isStorableText, TEXT_MESSAGE);

// ——— Free-form JSON (metadata, context) ———

/** Limits of a free-form JSON field: nesting (the object itself is level 1), keys in all, UTF-8 size. */
export const JSON_LIMITS = { depth: 10, keys: 1_000, keyLength: 200, bytes: 64 * 1024 } as const;
/** The deepest nesting of a whole request body; deeper bodies are refused before they are parsed. */
export const MAX_BODY_DEPTH = 64;

export type TValueIssue = { path: (string | number)[]; message: string };

/**
 * What PostgreSQL's jsonb would refuse or change in `value`, and what passes `JSON_LIMITS`: strings and
 * keys that are not storable text, numbers that are not finite (JSON's 1e400 parses to Infinity and
 * would be written as null), nesting, key count, key length and size. Iterative, so no depth overflows it.
 */
export const jsonValueIssues = (
  value: unknown,
  limits: { depth: number; keys: number; keyLength: number; bytes: number } = JSON_LIMITS,
): TValueIssue[] => {
  const issues: TValueIssue[] = [];
  let keys = 0;
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value, path: [], depth: 0 }];
  while (stack.length && issues.length < 10) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node === "string") {
      if (!isStorableText(node)) issues.push({ path, message: TEXT_MESSAGE });
      continue;
    }
    if (typeof node === "number") {
      if (!Number.isFinite(node)) issues.push({ path, message: "Must be a finite number." });
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > limits.depth) {
      issues.push({ path, message: `Nested deeper than ${limits.depth} levels.` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    if (!Array.isArray(node)) {
      keys += entries.length;
      if (keys > limits.keys) return [...issues, { path, message: `More than ${limits.keys} keys in all.` }];
      for (const [key] of entries) {
        if (!isStorableText(key as string)) issues.push({ path: [...path, key], message: `Key: ${TEXT_MESSAGE}` });
        else if ((key as string).length > limits.keyLength)
          issues.push({ path: [...path, key], message: `Key longer than ${limits.keyLength} characters.` });
      }
    }
    for (let index = entries.length - 1; index >= 0; index -= 1)
      stack.push({ value: entries[index]![1], path: [...path, entries[index]![0]], depth: depth + 1 });
  }
  if (issues.length || limits.bytes === Number.POSITIVE_INFINITY) return issues;
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  return bytes > limits.bytes ? [{ path: [], message: `Larger than ${limits.bytes} bytes as JSON.` }] : [];
};

/** A free-form JSON object field (metadata, context) within `JSON_LIMITS`, with the path of each problem. */
export const zJsonObject = () =>
  z
    .record(z.string(), z.unknown())
    .superRefine((value, context) => {
      for (const issue of jsonValueIssues(value))
        context.addIssue({ code: "custom", path: issue.path, message: issue.message });
    })
    .describe(
      `Free-form JSON object: at most ${JSON_LIMITS.depth} levels deep, ${JSON_LIMITS.keys} keys and ${JSON_LIMITS.bytes / 1024} KiB; no NUL characters`,
    );

const storableJsonCheck = z.superRefine((value: unknown, context) => {
  const limits = {
    depth: MAX_BODY_DEPTH,
    keys: Number.POSITIVE_INFINITY,
    keyLength: Number.POSITIVE_INFINITY,
    bytes: Number.POSITIVE_INFINITY,
  };
  for (const issue of jsonValueIssues(value, limits))
    context.addIssue({ code: "custom", path: issue.path, message: issue.message, input: value });
});

/**
 * `schema`, also refusing any string or key anywhere in its value that is not storable text, and any
 * number that is not finite: for bodies whose shape is defined elsewhere and passes parts through as
 * they come (an export archive, a knowledge file, a Telegram update).
 */
export const storableJson = <T extends z.ZodType>(schema: T): T =>
  schema.check(storableJsonCheck as z.core.$ZodCheck<unknown>) as T;

/** Whether `schema` was made by `storableJson` (request-schema audits use it). */
export const isStorableJson = (schema: z.ZodType) =>
  (schema._zod.def.checks ?? []).includes(storableJsonCheck as z.core.$ZodCheck<never>);

/**
 * The depth of the JSON text `body` where it first passes `maxDepth`, as a path, or null: a scan of the
 * raw text, so that a body nested 100,000 deep is refused before anything walks its parsed value.
 * Brackets inside strings do not count; the text need not be valid JSON (the parser judges that).
 */
export const excessiveJsonNesting = (body: string, maxDepth: number = MAX_BODY_DEPTH): (string | number)[] | null => {
  // Per open container: an array's next index, or an object's last key (null before the first).
  const path: { array: boolean; index: number; key: string | null }[] = [];
  let expectingKey = false;
  for (let at = 0; at < body.length; at += 1) {
    const char = body[at];
    if (char === '"') {
      let end = at + 1;
      while (end < body.length && body[end] !== '"') end += body[end] === "\\" ? 2 : 1;
      if (expectingKey) {
        const top = path.at(-1)!;
        try {
          top.key = JSON.parse(body.slice(at, end + 1)) as string;
        } catch {
          top.key = body.slice(at + 1, end);
        }
        expectingKey = false;
      }
      at = end;
    } else if (char === "{" || char === "[") {
      if (path.length >= maxDepth) return path.map((level) => (level.array ? level.index : (level.key ?? "")));
      path.push({ array: char === "[", index: 0, key: null });
      expectingKey = char === "{";
    } else if (char === "}" || char === "]") {
      path.pop();
      expectingKey = false;
    } else if (char === ",") {
      const top = path.at(-1);
      if (top?.array) top.index += 1;
      else if (top) expectingKey = true;
    }
  }
  return null;
};
