// A malformed id given to the client matches nothing instead of failing the query (PostgreSQL refuses
// the uuid cast), in every operation and position a filter can hold one, inside transactions too.
import { randomUUID } from "node:crypto";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { readDataModel } from "../src/data-model.ts";
import { DbError, NotFoundError, withDbErrors } from "../src/errors.ts";
import { isUuidText, PLAIN_UUID_FIELDS, uuidFields } from "../src/malformed-ids.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

const MALFORMED = [
  "not-a-uuid",
  "",
  " ",
  "0",
  "1; DROP TABLE users",
  "\u0000",
  "g".repeat(32),
  "123e4567-e89b-12d3-a456-42661417400",
  "x".repeat(10_000),
];

describe("isUuidText", () => {
  it("accepts the spellings PostgreSQL accepts and nothing else", () => {
    for (const text of [
      "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
      "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
      "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
      "a0eebc999c0b4ef8bb6d6bb9bd380a11",
      "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
    ])
      expect(isUuidText(text), text).toBe(true);
    for (const text of [
      ...MALFORMED,
      "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
      "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11",
      "-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
      " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
    ])
      expect(isUuidText(text), JSON.stringify(text.slice(0, 40))).toBe(false);
  });
});

describe.each(testTargets())("malformed ids on $name", (target) => {
  const ctx = useMigratedDatabase(target);

  const newUser = (email = `${randomUUID()}@ids.cto.test`) => ctx.db.user.create({ data: { email, name: "Ids" } });

  it("the rule for uuid fields matches the database's uuid columns exactly", async () => {
    const dataModel = readDataModel(ctx.db);
    const client = new pg.Client({ connectionString: ctx.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
      );
      const runtime = (
        ctx.db as unknown as {
          _runtimeDataModel: {
            models: Record<string, { dbName: string; fields: { name: string; dbName?: string; kind: string }[] }>;
          };
        }
      )._runtimeDataModel;
      const byRule = uuidFields(dataModel);
      for (const [model, { dbName, fields }] of Object.entries(runtime.models)) {
        const uuidColumns = new Set(
          rows.filter((row) => row.table_name === dbName && row.data_type === "uuid").map((row) => row.column_name),
        );
        const expected = fields
          .filter((field) => field.kind === "scalar" && uuidColumns.has(field.dbName ?? field.name))
          .map((field) => field.name)
          .sort();
        expect(
          [...byRule[model]!].sort(),
          `${model}: a uuid column backing no relation goes in PLAIN_UUID_FIELDS`,
        ).toEqual(expected);
        for (const field of PLAIN_UUID_FIELDS[model] ?? [])
          expect(Object.keys(dataModel[model]!), `${model}.${field} is listed but gone`).toContain(field);
      }
    } finally {
      await client.end();
    }
  });

  it("Auth.js-style lookups answer nothing", async () => {
    await newUser();
    for (const id of MALFORMED) {
      expect(await ctx.db.user.findUnique({ where: { id } })).toBeNull();
      expect(await ctx.db.user.findFirst({ where: { id } })).toBeNull();
      expect(await ctx.db.user.findMany({ where: { id } })).toEqual([]);
      expect(await ctx.db.user.count({ where: { id } })).toBe(0);
      expect(
        await ctx.db.session.findUnique({ where: { sessionToken: "whatever" }, include: { user: true } }),
      ).toBeNull();
    }
  });

  it("OrThrow reads, update and delete answer Prisma's not-found, which withDbErrors types", async () => {
    for (const operation of [
      (): Promise<unknown> => ctx.db.user.findUniqueOrThrow({ where: { id: "not-a-uuid" } }),
      () => ctx.db.user.findFirstOrThrow({ where: { id: "not-a-uuid" } }),
      () => ctx.db.user.update({ where: { id: "not-a-uuid" }, data: { name: "x" } }),
      () => ctx.db.user.delete({ where: { id: "not-a-uuid" } }),
      () =>
        ctx.db.report.update({
          where: { userId_type_periodStart: { userId: "nope", type: "TWO_DAY", periodStart: new Date() } },
          data: { title: "x" },
        }),
    ]) {
      const error = await withDbErrors(operation).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotFoundError);
    }
    expect(await ctx.db.user.updateMany({ where: { id: "not-a-uuid" }, data: { name: "x" } })).toEqual({ count: 0 });
    expect(await ctx.db.user.deleteMany({ where: { id: { in: ["not-a-uuid"] } } })).toEqual({ count: 0 });
  });

  it("resolves malformed ids in every position of a filter, keeping the rest of it", async () => {
    const user = await newUser();
    const other = await newUser();
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    const find = (where: object) =>
      ctx.db.user.findMany({ where: { AND: [{ id: { in: [user.id, other.id] } }, where] } }).then(ids);
    const both = [user.id, other.id].sort();

    expect(await find({ id: { in: [user.id, "bad", "worse"] } })).toEqual([user.id]);
    expect(await find({ id: { notIn: [user.id, "bad"] } })).toEqual([other.id]);
    expect(await find({ OR: [{ id: "bad" }, { id: other.id }] })).toEqual([other.id]);
    expect(await find({ OR: [{ id: "bad" }, { id: { equals: "worse" } }] })).toEqual([]);
    expect(await find({ NOT: { id: "bad" } })).toEqual(both);
    expect(await find({ NOT: [{ id: "bad" }, { id: user.id }] })).toEqual([other.id]);
    expect(await find({ id: { not: "bad" } })).toEqual(both);
    expect(await find({ id: { not: { in: ["bad"] } } })).toEqual(both);
    expect(await find({ id: { gt: "bad" } })).toEqual([]);

    // Relation filters, to-one and to-many, and a nested include's own filter.
    const goal = await ctx.db.goal.create({ data: { userId: user.id, title: "Ids", period: "DAILY" } });
    expect(await ctx.db.goal.count({ where: { user: { id: "bad" } } })).toBe(0);
    expect(await ctx.db.goal.count({ where: { id: goal.id, user: { isNot: { id: "bad" } } } })).toBe(1);
    expect(await find({ goals: { some: { id: "bad" } } })).toEqual([]);
    expect(await find({ goals: { none: { id: "bad" } } })).toEqual(both);
    expect(await find({ goals: { every: { userId: "bad" } } })).toEqual([other.id]);
    const withGoals = await ctx.db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { goals: { where: { OR: [{ id: "bad" }, { id: goal.id }] } } },
    });
    expect(withGoals.goals.map((g) => g.id)).toEqual([goal.id]);
    const counted = await ctx.db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { _count: { select: { goals: { where: { id: "bad" } } } } },
    });
    expect(counted._count.goals).toBe(0);
  });

  it("a cursor that is no uuid ends the list", async () => {
    const user = await newUser();
    await ctx.db.goal.createMany({
      data: [1, 2, 3].map((n) => ({ userId: user.id, title: `Goal ${n}`, period: "DAILY" as const })),
    });
    expect(await ctx.db.goal.findMany({ where: { userId: user.id }, cursor: { id: "bad" }, skip: 1 })).toEqual([]);
    expect(await ctx.db.goal.findFirst({ where: { userId: user.id }, cursor: { id: "bad" } })).toBeNull();
    const nested = await ctx.db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { goals: { cursor: { id: "bad" } } },
    });
    expect(nested.goals).toEqual([]);
  });

  it("keeps a transaction usable: a malformed id never reaches PostgreSQL", async () => {
    const user = await newUser();
    const renamed = await ctx.db.$transaction(async (tx) => {
      expect(await tx.user.findUnique({ where: { id: "not-a-uuid" } })).toBeNull();
      expect(await tx.goal.findMany({ where: { userId: "not-a-uuid" } })).toEqual([]);
      return tx.user.update({ where: { id: user.id }, data: { name: "Renamed in the same transaction" } });
    });
    expect(renamed.name).toBe("Renamed in the same transaction");
  });

  it("finds rows by any spelling of their id PostgreSQL accepts", async () => {
    const user = await newUser();
    const hex = user.id.replaceAll("-", "");
    for (const spelling of [user.id.toUpperCase(), `{${user.id}}`, hex, hex.match(/.{4}/g)!.join("-")])
      expect((await ctx.db.user.findUnique({ where: { id: spelling } }))?.id, spelling).toBe(user.id);
  });

  it("a malformed id in written data is a typed constraint violation, not an unknown error", async () => {
    const error = await withDbErrors(() =>
      ctx.db.goal.create({ data: { userId: "not-a-uuid", title: "x", period: "DAILY" } }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe("constraint_violation");
  });
});
