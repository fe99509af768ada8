import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// The API's layers, route → service → db (README "Layout"), checked on the sources until a linter
// takes the rules over: routes parse, call a service and shape the answer; only services (and @cto/db)
// query the database; lib/ is the bottom layer; services know nothing of the HTTP framework.

const src = path.resolve(import.meta.dirname, "..", "src");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });

type TImport = { from: string; typeOnly: boolean; names: string[] };

/** Every `import … from "…"` and `export … from "…"` of a module, with whether it brings in types only. */
export const importsOf = (text: string): TImport[] =>
  [...text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)";/gm)].map(
    ([, typeKeyword, clause = "", from = ""]) => {
      const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
      const specifiers = named
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      const bare = clause
        .replace(/\{[^}]*\}/, "")
        .replace(/,/g, " ")
        .trim();
      const valueNames = specifiers
        .filter((name) => !name.startsWith("type "))
        .map((name) => name.split(/\s+as\s+/)[0]!);
      const names = [...(bare ? [bare] : []), ...valueNames];
      return { from, typeOnly: Boolean(typeKeyword) || names.length === 0, names: typeKeyword ? [] : names };
    },
  );

const DB_MODULE = /^(@cto\/db(\/.*)?|@prisma\/client)$/;
// A query through the Prisma client: a model's read or write, a transaction or raw SQL.
const QUERY = [
  /\.\$(transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)\b/,
  /\b(db|tx)\.[a-z]\w*\.(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\(/,
  /\bc\.(get\("db"\)|var\.db)\.[a-z]\w*\./,
];
/** What a source file under src/ does against the layer rules, as readable lines; empty when it keeps them. */
export const layerViolations = (file: string, text: string): string[] => {
  const layer = file.split("/")[0];
  const found: string[] = [];
  for (const { from, typeOnly, names } of importsOf(text)) {
    // Validation schemas (Z…Schema) and row types may come from @cto/db; nothing that queries.
    if (layer === "routes" && DB_MODULE.test(from) && !typeOnly) {
      const values = names.filter((name) => !/^Z\w*Schema$/.test(name));
      if (values.length) found.push(`${file} imports ${values.join(", ")} from ${from}: queries belong in a service`);
    }
    if (layer === "lib" && /(^|\/)(services|middleware|routes)\//.test(from))
      found.push(`${file} imports ${from}: lib/ is the bottom layer`);
    if (layer === "services" && (/^hono(\/|$)/.test(from) || /(^|\/)(routes|middleware)\//.test(from)))
      found.push(`${file} imports ${from}: services take plain inputs, never the HTTP layer`);
  }
  if (layer === "routes") {
    text.split("\n").forEach((line, index) => {
      if (!/^\s*(\/\/|\*)/.test(line) && QUERY.some((pattern) => pattern.test(line)))
        found.push(`${file}:${index + 1} queries the database: ${line.trim()}`);
    });
  }
  return found;
};

describe("the API's layers (route → service → db)", () => {
  it("hold in every source file: no queries in routes, lib/ imports nothing above it, services know no Hono", () => {
    const offending = sources(src).flatMap((full) =>
      layerViolations(path.relative(src, full).split(path.sep).join("/"), readFileSync(full, "utf8")),
    );
    expect(offending).toEqual([]);
  });

  it("are checked by rules that catch each kind of breach", () => {
    expect(layerViolations("routes/goals.ts", `import { Prisma, type Db } from "@cto/db/client";`)).toHaveLength(1);
    expect(layerViolations("routes/search.ts", `import { searchEmbeddings } from "@cto/db/vector";`)).toHaveLength(1);
    expect(
      layerViolations(
        "routes/goals.ts",
        `import type { Goal } from "@cto/db/client";\nimport { type Db } from "@cto/db/client";`,
      ),
    ).toEqual([]);
    expect(
      layerViolations("routes/knowledge.ts", `import { ZKnowledgeChunkListSchema } from "@cto/db/knowledge";`),
    ).toEqual([]);
    expect(
      layerViolations("routes/goals.ts", `  const goal = await c.get("db").goal.findFirst({ where: { id } });`),
    ).toHaveLength(1);
    expect(layerViolations("routes/goals.ts", `  const rows = await db.goal.findMany({});`)).toHaveLength(1);
    expect(
      layerViolations("routes/goals.ts", `  await db.$transaction(async (tx) => tx.goal.update({}));`),
    ).toHaveLength(1);
    expect(
      layerViolations("routes/goals.ts", `  const goal = await completeGoal({ db: c.get("db"), userId, id });`),
    ).toEqual([]);
    expect(layerViolations("lib/resource.ts", `import { requireAuth } from "../middleware/auth.ts";`)).toHaveLength(1);
    expect(layerViolations("lib/hooks.ts", `import type { TWrite } from "../services/resource.ts";`)).toHaveLength(1);
    expect(layerViolations("services/upload.ts", `import type { Context } from "hono";`)).toHaveLength(1);
    expect(layerViolations("services/goals.ts", `import { depsOf } from "../routes/deps.ts";`)).toHaveLength(1);
    expect(layerViolations("services/goals.ts", `import { readPage } from "../lib/pagination.ts";`)).toEqual([]);
  });
});
