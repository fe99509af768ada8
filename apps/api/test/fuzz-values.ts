import fc from "fast-check";

import { JSON_LIMITS, MAX_BODY_DEPTH, TIMESTAMP_RANGE } from "@cto/contracts/values";

/**
 * Value generators of the fuzz suite: values a JSON Schema of the OpenAPI document allows, and
 * hostile values that a client may send anyway.
 */

export type TJsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  additionalProperties?: boolean | TJsonSchema;
  items?: TJsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  default?: unknown;
};

/** Where a uuid comes from: ids of the signed-in user's rows for a field of that name, anybody's, or random. */
export type TIdSource = (field: string | undefined) => fc.Arbitrary<string>;

const nested = (depth: number): unknown => {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = { next: value };
  return value;
};

/** Strings a client can send that tend to break servers: NUL, lone surrogates, LIKE wildcards, scripts. */
export const HOSTILE_STRINGS = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  "%",
  "_",
  "%_%",
  "\\",
  "\\%",
  "100%_off",
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  "<script>alert(1)</script>",
  "\u202etxt.exe",
  "e\u0301\u200d\u2063",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "𝕳𝖊𝖑𝖑𝖔",
  "中文字符",
  "العربية",
  "   ",
  "",
  "\n\t\r",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0x10",
  "../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, sent as the literal text it is
  "${jndi:ldap://x}",
  "{{7*7}}",
] as const;

/** Numbers past every range the API takes: PostgreSQL's and JS Date's limits, int4, floats, -0. */
export const HOSTILE_NUMBERS = [
  8.64e15,
  -8.64e15,
  8.64e15 + 1,
  TIMESTAMP_RANGE.max + 1,
  TIMESTAMP_RANGE.min - 1,
  TIMESTAMP_RANGE.max,
  TIMESTAMP_RANGE.min,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-300,
  0.5,
  -0,
  -1,
  0,
] as const;

/** Any JSON value a hostile client may put where the schema wants something else. */
export const hostileValue = (idSource: TIdSource): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
    { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { "": null }) },
    { weight: 2, arbitrary: idSource(undefined) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("x".repeat(100_001), "é".repeat(20_001), "😀".repeat(5_000)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        nested(JSON_LIMITS.depth + 1),
        nested(MAX_BODY_DEPTH - 2),
        Object.fromEntries(Array.from({ length: JSON_LIMITS.keys + 1 }, (_, index) => [`k${index}`, index])),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { "k\u0000": "v" },
        { nested: { deeper: ["\u0000"] } },
        { big: 1e308, small: -1e308 },
        ["\ud800"],
      ),
    },
  );

/** Text that a query string can carry: the hostile strings, numbers past every range, and long text. */
export const hostileQueryText = (idSource: TIdSource): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...HOSTILE_NUMBERS).map(String),
    fc.constantFrom(
      "8640000000000000",
      "-8640000000000000",
      "1e400",
      "Infinity",
      "-0",
      "1.5",
      "9".repeat(40),
      "x".repeat(10_000),
    ),
    idSource(undefined),
  );

const typesOf = (schema: TJsonSchema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

const boundedInteger = (min: number, max: number) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 4, arbitrary: fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number) },
  );

const timestamp = () =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: -365 * 86_400_000, max: 3 * 365 * 86_400_000 })
        .map((offset) => Date.UTC(2026, 0, 1) + offset),
    },
    { weight: 1, arbitrary: boundedInteger(TIMESTAMP_RANGE.min, TIMESTAMP_RANGE.max) },
  );

const slug = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.+_-]{0,15}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/))
  .map(([local, domain]) => `${local.replace(/\.\.+/g, ".")}@${domain}.test`);

const text = (minLength: number, maxLength: number) => {
  const cap = Math.min(maxLength, 60);
  const arbitraries = [
    fc.string({ minLength, maxLength: Math.max(minLength, cap) }),
    fc.string({ unit: "grapheme", minLength, maxLength: Math.max(minLength, Math.min(cap, 20)) }),
  ];
  const fitting = ["%", "_", "100% sure_", "ünïcødé 😀", "中文"].filter(
    (value) => value.length >= minLength && value.length <= maxLength,
  );
  if (fitting.length) arbitraries.push(fc.constantFrom(...fitting));
  if (Number.isFinite(maxLength) && maxLength >= Math.max(minLength, 1))
    arbitraries.push(
      fc.constant("x".repeat(maxLength)),
      fc.constant("😀".repeat(Math.floor(maxLength / 2)) + (maxLength % 2 ? "x" : "")),
    );
  return fc.oneof(...arbitraries);
};

/**
 * A value that `schema` allows (mostly: a pattern is matched by construction, formats by simple
 * generators). `name` is the field's name, which tells a uuid source what the id should point at.
 */
export const arbitraryFor = (schema: TJsonSchema, idSource: TIdSource, name?: string): fc.Arbitrary<unknown> => {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => arbitraryFor(option, idSource, name)));
  if (schema.allOf) return arbitraryFor(Object.assign({}, ...schema.allOf), idSource, name);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, idSource, name)));
  const type = types[0] ?? (schema.properties ? "object" : undefined);
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      if (schema.minimum === TIMESTAMP_RANGE.min && schema.maximum === TIMESTAMP_RANGE.max) return timestamp();
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
      const max =
        schema.maximum ??
        (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Math.max(min, 0) + 1_000_000);
      return boundedInteger(Math.max(min, Number.MIN_SAFE_INTEGER), Math.min(max, Number.MAX_SAFE_INTEGER));
    }
    case "number":
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "string": {
      if (schema.format === "uuid") return idSource(name);
      if (schema.format === "email") return email;
      if (schema.format === "uri")
        return fc
          .webUrl({ withQueryParameters: true, withFragments: true })
          .filter((url) => url.length <= (schema.maxLength ?? 2000));
      const minLength = schema.minLength ?? 0;
      const maxLength = schema.maxLength ?? 200;
      if (schema.pattern) {
        const matching = schema.pattern === "^[a-z][a-z0-9_]*$" ? slug : fc.stringMatching(new RegExp(schema.pattern));
        return matching.filter((value) => value.length >= minLength && value.length <= maxLength);
      }
      return text(minLength, maxLength);
    }
    case "array":
      return fc.array(schema.items ? arbitraryFor(schema.items, idSource, name) : fc.jsonValue({ maxDepth: 2 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, Math.max(schema.minItems ?? 0, 5)),
      });
    case "object": {
      const properties = schema.properties ?? {};
      if (!Object.keys(properties).length)
        return fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
      const fields = Object.fromEntries(
        Object.entries(properties).map(([key, property]) => [key, arbitraryFor(property, idSource, key)]),
      );
      return fc.record(fields, {
        requiredKeys: (schema.required ?? []).filter((key) => key in properties),
      }) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/**
 * A valid value with one part replaced by a hostile one: a field of an object (or an item of a
 * list) at any depth, or an unknown extra field. The rest stays valid, so the hostile part reaches
 * whatever handles that field.
 */
export const withHostilePart = (valid: fc.Arbitrary<unknown>, idSource: TIdSource): fc.Arbitrary<unknown> =>
  fc.tuple(valid, hostileValue(idSource), fc.nat(), fc.boolean()).map(([value, hostile, pick, extraField]) => {
    if (value === null || typeof value !== "object") return hostile;
    const copy = structuredClone(value) as Record<string, unknown>;
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const collect = (node: unknown) => {
      if (Array.isArray(node))
        for (const [index, item] of node.entries()) {
          slots.push([node, index]);
          collect(item);
        }
      else if (node && typeof node === "object")
        for (const [key, item] of Object.entries(node)) {
          slots.push([node as Record<string, unknown>, key]);
          collect(item);
        }
    };
    collect(copy);
    if (extraField || !slots.length) copy[`unexpected_${pick % 3}`] = hostile;
    else {
      const [parent, key] = slots[pick % slots.length]!;
      (parent as Record<string | number, unknown>)[key] = hostile;
    }
    return copy;
  });
