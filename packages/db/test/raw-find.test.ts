// The raw list path (@cto/db/raw-find): what the translator refuses, and, on both targets, that it keeps
// the client's rules (the trash stays hidden, a malformed uuid matches nothing) and gives Prisma's rows.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { Prisma } from "../src/client.ts";
import {
  describeRawModel,
  rawFindMany,
  rawModelOf,
  translateFindMany,
  type TCatalogColumn,
  type TRawModel,
} from "../src/raw-find.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

const column = (name: string, type: string, more: Partial<TCatalogColumn> = {}): TCatalogColumn => ({
  name,
  type,
  kind: "b",
  typmod: -1,
  element: null,
  ...more,
});
const field = (name: string, type: string, kind = "scalar", dbName?: string) => ({ name, type, kind, dbName });

const NOTE_FIELDS = [
  field("id", "String"),
  field("userId", "String", "scalar", "user_id"),
  field("title", "String"),
  field("status", "NoteStatus", "enum"),
  field("rank", "Int"),
  field("done", "Boolean"),
  field("tags", "String"),
  field("payload", "Json"),
  field("dueAt", "DateTime", "scalar", "due_at"),
  field("user", "User", "object"),
];
const NOTE_CATALOG = [
  column("id", "uuid"),
  column("user_id", "uuid"),
  column("title", "text"),
  column("status", "note_status", { kind: "e" }),
  column("rank", "int4"),
  column("done", "bool"),
  column("tags", "_text", { element: "text" }),
  column("payload", "jsonb"),
  column("due_at", "timestamptz", { typmod: 3 }),
];
const note = describeRawModel("Note", { dbName: "notes", fields: NOTE_FIELDS }, NOTE_CATALOG) as TRawModel;
const userId = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

describe("describeRawModel", () => {
  it("reads a model whose every column pg parses as Prisma does, relations left out", () => {
    expect(Object.keys(note.columns)).toEqual([
      "id",
      "userId",
      "title",
      "status",
      "rank",
      "done",
      "tags",
      "payload",
      "dueAt",
    ]);
    expect(note.columns.tags).toMatchObject({ list: true, uuid: false });
    expect(note.columns.userId).toMatchObject({ column: "user_id", uuid: true });
  });

  it("refuses a model with a column pg would give back otherwise than Prisma", () => {
    const refused: Array<[ReturnType<typeof field>, TCatalogColumn]> = [
      [field("size", "BigInt"), column("size", "int8")],
      [field("blob", "Bytes"), column("blob", "bytea")],
      [field("ratio", "Float"), column("ratio", "float8")],
      [field("day", "DateTime"), column("day", "date")],
      [field("at", "DateTime"), column("at", "timestamp", { typmod: 3 })],
      [field("at", "DateTime"), column("at", "timestamptz", { typmod: 6 })],
      [field("at", "DateTime"), column("at", "timestamptz")],
      [field("kinds", "NoteKind", "enum"), column("kinds", "_note_kind", { element: "note_kind" })],
      [field("code", "String"), column("code", "bpchar")],
      // The runtime data model names a column the table lacks.
      [field("gone", "String"), column("other", "text")],
    ];
    for (const [extra, stored] of refused)
      expect(
        describeRawModel("Note", { dbName: "notes", fields: [...NOTE_FIELDS, extra] }, [...NOTE_CATALOG, stored]),
        `${extra.name} as ${stored.type}`,
      ).toBeNull();
    expect(
      describeRawModel("Note", { dbName: "notes", schema: "other", fields: NOTE_FIELDS }, NOTE_CATALOG),
    ).toBeNull();
  });
});

describe("translateFindMany", () => {
  it("translates the vocabulary into one parameterized statement", () => {
    const due = new Date("2026-01-02T03:04:05.678Z");
    const statement = translateFindMany(note, {
      where: {
        userId,
        title: 'it\'s "quoted"',
        status: { in: ["OPEN", "DONE"], equals: "OPEN" },
        rank: { gte: 1, lt: 9, gt: undefined },
        done: false,
        dueAt: { not: null, lte: due },
        payload: undefined,
        tags: { hasSome: ["a", "b"], has: "c" },
        id: null,
      },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { rank: "desc" }, { id: "desc" }],
      take: 11,
    });
    expect(statement).toEqual({
      text:
        'SELECT "id" AS "id", "user_id" AS "userId", "title" AS "title", "status" AS "status", "rank" AS "rank", ' +
        '"done" AS "done", "tags" AS "tags", "payload" AS "payload", "due_at" AS "dueAt" FROM "notes" ' +
        'WHERE "user_id" = $1 AND "title" = $2 AND "status" = ANY($3) AND "status" = $4 AND "rank" >= $5 AND ' +
        '"rank" < $6 AND "done" = $7 AND "due_at" IS NOT NULL AND "due_at" <= $8 AND "tags" && $9 AND ' +
        '$10 = ANY("tags") AND "id" IS NULL ORDER BY "due_at" ASC NULLS LAST, "rank" DESC, "id" DESC LIMIT $11',
      values: [userId, 'it\'s "quoted"', ["OPEN", "DONE"], "OPEN", 1, 9, false, due, ["a", "b"], "c", 11],
    });
  });

  it("refuses what it does not translate, so that Prisma answers", () => {
    const refused: Record<string, unknown>[] = [
      { where: { OR: [{ title: "a" }, { title: "b" }] } },
      { where: { AND: [{ title: "a" }] } },
      { where: { NOT: { title: "a" } } },
      { where: { user: { email: "x" } } },
      { where: { nope: 1 } },
      { where: { title: { contains: "a" } } },
      { where: { title: { equals: "a", mode: "insensitive" } } },
      { where: { title: { not: "a" } } },
      { where: { payload: { path: ["a"], equals: 1 } } },
      { where: { payload: null } },
      { where: { tags: ["a"] } },
      { where: { tags: { equals: ["a"] } } },
      { where: { tags: null } },
      { where: { rank: "1" } },
      { where: { rank: 1.5 } },
      { where: { dueAt: "2026-01-01T00:00:00Z" } },
      { where: { dueAt: new Date(Number.NaN) } },
      { where: { done: "true" } },
      { where: { status: { in: ["OPEN", null] } } },
      { where: { status: { in: "OPEN" } } },
      { where: { rank: { gt: null } } },
      { where: { title: new Prisma.Decimal(1) } },
      { where: "nope" },
      { orderBy: { payload: "asc" } },
      { orderBy: { tags: "asc" } },
      { orderBy: { user: { email: "asc" } } },
      { orderBy: { title: "asc", rank: "desc" } },
      { orderBy: { title: "up" } },
      { orderBy: { title: { sort: "asc", nulls: "middle" } } },
      { orderBy: { title: { sort: "asc", mode: "x" } } },
      { take: -1 },
      { take: 1.5 },
      { cursor: { id: userId } },
      { skip: 1 },
      { select: { id: true } },
      { include: { user: true } },
      { distinct: ["title"] },
    ];
    for (const args of refused) expect(translateFindMany(note, args), JSON.stringify(args)).toBeNull();
    // Left out when undefined, as Prisma leaves them.
    expect(translateFindMany(note, { cursor: undefined, skip: undefined, where: { title: undefined } })).not.toBeNull();
  });

  it("answers nothing for a malformed uuid compared with a uuid column, and drops it from a list", () => {
    for (const malformed of ["not-a-uuid", "", "1; DROP TABLE users", "\u0000"]) {
      expect(translateFindMany(note, { where: { userId: malformed } })).toBe("nothing");
      expect(translateFindMany(note, { where: { id: { gte: malformed } } })).toBe("nothing");
    }
    expect(translateFindMany(note, { where: { id: { in: ["nope", userId] } } })).toMatchObject({
      values: [[userId]],
    });
    // Not a uuid column: compared as text.
    expect(translateFindMany(note, { where: { title: "not-a-uuid" } })).not.toBe("nothing");
  });

  it("leaves trashed rows out of a soft-deleting model unless the filter names deletedAt", () => {
    const person = describeRawModel(
      "Person",
      { dbName: "persons", fields: [field("id", "String"), field("deletedAt", "DateTime", "scalar", "deleted_at")] },
      [column("id", "uuid"), column("deleted_at", "timestamptz", { typmod: 3 })],
    ) as TRawModel;
    expect((translateFindMany(person, {}) as { text: string }).text).toContain('WHERE "deleted_at" IS NULL');
    expect((translateFindMany(person, { where: { deletedAt: { not: null } } }) as { text: string }).text).toContain(
      'WHERE "deleted_at" IS NOT NULL',
    );
    expect((translateFindMany(person, { where: { deletedAt: undefined } }) as { text: string }).text).not.toContain(
      "WHERE",
    );
  });
});

describe.each(testTargets())("rawFindMany on $name", (target) => {
  const ctx = useMigratedDatabase(target);

  it("keeps the client's rules: trashed rows hidden, a malformed uuid an empty answer, not a failure", async () => {
    const { db } = ctx;
    const user = await db.user.create({ data: { email: `raw-${randomUUID()}@example.com` } });
    const at = new Date("2026-03-04T05:06:07.089Z");
    await db.person.createMany({
      data: [
        { userId: user.id, name: "Live", tags: ["a", "NULL", '"q"', "a,b", "ü ✈️"], metadata: { n: [1, null] } },
        { userId: user.id, name: "Trashed", deletedAt: at },
      ],
    });
    const args = { where: { userId: user.id }, orderBy: [{ name: "asc" }] };
    const live = await rawFindMany(db, "Person", args);
    expect(live).toStrictEqual(await db.person.findMany(args as Prisma.PersonFindManyArgs));
    expect(live!.map((row) => row.name)).toEqual(["Live"]);
    const trash = await rawFindMany(db, "Person", { where: { userId: user.id, deletedAt: { not: null } } });
    expect(trash!.map((row) => row.name)).toEqual(["Trashed"]);

    expect(await rawFindMany(db, "Person", { where: { userId: "not-a-uuid" } })).toEqual([]);
    expect(await rawFindMany(db, "Task", { where: { userId: user.id, parentId: "'; --" } })).toEqual([]);
    expect(await rawFindMany(db, "Task", { where: { userId: user.id, id: { in: ["nope"] } } })).toEqual([]);
    // Inside a transaction the same would have aborted it: here nothing ran at all.
    expect(await db.person.findMany({ where: { userId: "not-a-uuid" } })).toEqual([]);
  });

  it("gives Decimal columns as Prisma.Decimal, and leaves a value pg refuses to Prisma", async () => {
    const { db } = ctx;
    const user = await db.user.create({ data: { email: `raw-${randomUUID()}@example.com` } });
    await db.consistencyMetric.create({
      data: {
        userId: user.id,
        windowDays: 7,
        score: new Prisma.Decimal("99.95"),
        periodStart: new Date("2026-01-01T00:00:00Z"),
        periodEnd: new Date("2026-01-08T00:00:00Z"),
      },
    });
    const args = { where: { userId: user.id } };
    const rows = await rawFindMany(db, "ConsistencyMetric", args);
    expect(rows![0]!.score).toBeInstanceOf(Prisma.Decimal);
    expect(rows).toStrictEqual(await db.consistencyMetric.findMany(args));
    // An enum label the type does not have: pg refuses it (22P02), so Prisma gets to answer in its words.
    expect(await rawFindMany(db, "Goal", { where: { userId: user.id, status: "NOT_A_STATUS" } })).toBeNull();
    expect(await rawFindMany(db, "Goal", { where: { userId: user.id, progress: 2 ** 40 } })).toBeNull();
    // A model with a float column stays on Prisma.
    expect(await rawModelOf(db, "AiResponse")).toBeNull();
    expect(await rawModelOf(db, "NoSuchModel")).toBeNull();
  });
});
