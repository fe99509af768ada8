import { describe, expect, it } from "vitest";

import { isStorableJson, isStorableText, JSON_LIMITS } from "@cto/contracts/values";
import type { Db } from "@cto/db/client";

import { createApp } from "../src/app.ts";

/**
 * Every request schema of every route takes its strings and free-form JSON from
 * `@cto/contracts/values`: a string refuses NUL and lone surrogates (unless a strict format such as
 * uuid or email decides what it holds) and has a maximum length; a free-form object has JSON_LIMITS.
 * Walked over the zod schemas the routes validate with, so a new route cannot forget the rules.
 */

type TDef = {
  type: string;
  checks?: { _zod: { def: { check: string; fn?: unknown; format?: string } } }[];
  format?: string;
  [key: string]: unknown;
};
type TSchema = { _zod: { def: TDef }; safeParse: (value: unknown) => { success: boolean } };

// String formats whose own pattern excludes NUL and bounds the length; a URL has neither.
const STRICT_FORMATS = new Set([
  "uuid",
  "guid",
  "email",
  "date",
  "datetime",
  "time",
  "duration",
  "cuid",
  "cuid2",
  "ulid",
  "nanoid",
  "ipv4",
  "ipv6",
  "base64",
  "e164",
]);

// Validated by the import engineer's archive checks (services/account-archive.ts), which are to use storableJson.
const OWNED_ELSEWHERE: Record<string, string> = {
  "POST /me/import body": "archive checks",
  "DELETE /me body": "the password is compared, never stored",
};

const nested = (depth: number): unknown => (depth === 0 ? 1 : { next: nested(depth - 1) });

/** The places in `schema` that break the rules, by path. */
const violations = (schema: TSchema, path: string, seen = new Set<TSchema>()): string[] => {
  // storableJson() checks every string of its value whatever shape another package gives it.
  if (seen.has(schema) || isStorableJson(schema as never)) return [];
  seen.add(schema);
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const walk = (inner: unknown, at = path) => violations(inner as TSchema, at, seen);
  switch (def.type) {
    case "string": {
      // z.uuid() sets the format on the schema, z.string().uuid() as a check.
      if ([def.format, ...checks.map((check) => check.format)].some((format) => format && STRICT_FORMATS.has(format)))
        return [];
      const problems: string[] = [];
      if (!checks.some((check) => check.check === "custom" && check.fn === isStorableText))
        problems.push(`${path}: a string without zText's storable-text rule`);
      if (!checks.some((check) => check.check === "max_length" || check.check === "length_equals"))
        problems.push(`${path}: a string without a maximum length`);
      return problems;
    }
    case "record": {
      const refusesNul = !schema.safeParse({ key: "\u0000" }).success && !schema.safeParse({ "\u0000": 1 }).success;
      const refusesDepth = !schema.safeParse(nested(JSON_LIMITS.depth + 1)).success;
      if (refusesNul && refusesDepth) return [];
      return [`${path}: a free-form object without zJsonObject's limits`];
    }
    case "any":
    case "unknown":
      return [`${path}: an unchecked value (use zJsonObject or a typed schema)`];
    case "object":
      return Object.entries(def.shape as Record<string, unknown>)
        .flatMap(([key, inner]) => walk(inner, `${path}.${key}`))
        .concat(def.catchall ? walk(def.catchall, `${path}.*`) : []);
    case "array":
      return walk(def.element, `${path}[]`);
    case "union":
      return (def.options as unknown[]).flatMap((option) => walk(option));
    case "intersection":
      return [...walk(def.left), ...walk(def.right)];
    case "pipe":
      return walk(def.in);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return walk(def.innerType);
    case "lazy":
      return walk((def.getter as () => unknown)());
    default:
      return [];
  }
};

type TRouteDefinition = {
  type: string;
  route?: {
    method: string;
    path: string;
    request?: { query?: TSchema; params?: TSchema; body?: { content: Record<string, { schema?: TSchema }> } };
  };
};

const routes = () =>
  (createApp({ db: null as unknown as Db }).openAPIRegistry.definitions as TRouteDefinition[])
    .filter((definition) => definition.type === "route" && definition.route)
    .map((definition) => definition.route!);

describe("request schemas", () => {
  it("take strings and free-form JSON from @cto/contracts/values, on every route", () => {
    const found = routes().flatMap(({ method, path, request }) => {
      const where = `${method.toUpperCase()} ${path}`;
      const schemas: [string, TSchema][] = [];
      if (request?.query) schemas.push(["query", request.query]);
      if (request?.params) schemas.push(["path", request.params]);
      for (const [mediaType, { schema }] of Object.entries(request?.body?.content ?? {}))
        if (schema && "_zod" in schema && mediaType === "application/json") schemas.push(["body", schema]);
      return schemas.flatMap(([part, schema]) =>
        OWNED_ELSEWHERE[`${where} ${part}`] ? [] : violations(schema, `${where} ${part}`),
      );
    });
    expect(found).toEqual([]);
  });

  it("finds a string or an object that breaks the rules (the walk itself is checked)", async () => {
    const { z } = await import("zod");
    const { zJsonObject, zText } = await import("@cto/contracts/values");
    const schema = z.object({
      ok: zText().max(5),
      bare: z.string(),
      long: zText(),
      meta: z.record(z.string(), z.unknown()),
      good: zJsonObject().optional(),
      id: z.uuid(),
      site: z.url().max(100),
    }) as unknown as TSchema;
    expect(violations(schema, "body")).toEqual([
      "body.bare: a string without zText's storable-text rule",
      "body.bare: a string without a maximum length",
      "body.long: a string without a maximum length",
      "body.meta: a free-form object without zJsonObject's limits",
      "body.site: a string without zText's storable-text rule",
    ]);
  });
});
