// The raw create path (@cto/db/raw-create): what it leaves to Prisma, and, on both targets, that the row
// it writes and gives back is the one Prisma would write and give back, defaults and timestamps included.
import { randomUUID } from "node:crypto";

import { afterEach, describe, expect, it, vi } from "vitest";

import { Prisma, type Db } from "../src/client.ts";
import { rawCreate, translateCreate } from "../src/raw-create.ts";
import { rawModelOf, type TRawModel } from "../src/raw-find.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

const newUser = async (db: Db) => (await db.user.create({ data: { email: `raw-${randomUUID()}@example.com` } })).id;

describe.each(testTargets())("rawCreate on $name", (target) => {
  const ctx = useMigratedDatabase(target);
  afterEach(() => vi.useRealTimers());

  it("writes and gives back the row Prisma would: lists, JSON, enums, decimals, defaults", async () => {
    const { db } = ctx;
    const [userId, otherUserId] = [await newUser(db), await newUser(db)];
    // One clock for both creates: every stamped column (createdAt, updatedAt, recordedAt, computedAt…) compares.
    vi.useFakeTimers({ now: new Date("2030-05-06T07:08:09.010Z"), toFake: ["Date"] });
    const cases: Array<{ model: string; data: Record<string, unknown>; read: (id: string) => Promise<unknown> }> = [
      {
        model: "Person",
        data: {
          userId,
          name: "Ada 'Lovelace'; --",
          tags: ["a", "NULL", '"q"', "a,b", "ü ✈️", ""],
          // A JSON array is written as JSON, not as a pg array.
          metadata: [1, { n: [null, true], s: "x\u0000y".replace("\u0000", "") }, "2026-01-01"],
          notes: undefined,
        },
        read: (id) => db.person.findUniqueOrThrow({ where: { id } }),
      },
      {
        model: "Emotion",
        data: { userId, label: "calm", valence: "POSITIVE", intensity: 3, note: "x".repeat(20_000) },
        read: (id) => db.emotion.findUniqueOrThrow({ where: { id } }),
      },
      {
        model: "ConsistencyMetric",
        data: {
          userId,
          windowDays: 7,
          score: new Prisma.Decimal("99.95"),
          periodStart: new Date("1970-01-01T00:00:00.001Z"),
          periodEnd: new Date("9999-12-31T23:59:59.999Z"),
        },
        read: (id) => db.consistencyMetric.findUniqueOrThrow({ where: { id } }),
      },
      {
        model: "Task",
        data: { userId, title: "Plan", priority: "HIGH", metadata: { deep: { deeper: [1, 2] }, at: "x" } },
        read: (id) => db.task.findUniqueOrThrow({ where: { id } }),
      },
      {
        model: "Goal",
        data: { userId, title: "Ship", period: "WEEKLY", deadline: new Date("2027-01-01T00:00:00.000Z") },
        read: (id) => db.goal.findUniqueOrThrow({ where: { id } }),
      },
    ];
    for (const { model, data, read } of cases) {
      const raw = await rawCreate<{ id: string }>(db, model, data);
      expect(raw, model).not.toBeNull();
      expect(raw, model).toStrictEqual(await read(raw!.id));
      // Prisma's own create of the same data (another user's, for the unique keys): the same fields, the
      // same values but the id and the owner.
      const delegate = (
        db as unknown as Record<string, { create: (args: object) => Promise<Record<string, unknown>> }>
      )[model.charAt(0).toLowerCase() + model.slice(1)]!;
      const viaPrisma = await delegate.create({ data: { ...data, userId: otherUserId } });
      const unowned = (row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).filter(([field]) => !["id", "userId"].includes(field)));
      expect(Object.keys(raw!), model).toEqual(Object.keys(viaPrisma));
      expect(unowned(raw as Record<string, unknown>), model).toStrictEqual(unowned(viaPrisma));
    }
  });

  it("stamps the time of the insert from the app's clock, one value for every such column, as Prisma does", async () => {
    const { db } = ctx;
    const userId = await newUser(db);
    const at = new Date("2031-02-03T04:05:06.789Z");
    vi.useFakeTimers({ now: at, toFake: ["Date"] });
    const emotion = await rawCreate<{ recordedAt: Date; createdAt: Date }>(db, "Emotion", {
      userId,
      label: "tired",
      valence: "NEGATIVE",
      intensity: 2,
    });
    expect(emotion).toMatchObject({ recordedAt: at, createdAt: at });
    const goal = await rawCreate<{ createdAt: Date; updatedAt: Date }>(db, "Goal", {
      userId,
      title: "Stamped",
      period: "DAILY",
    });
    expect(goal).toMatchObject({ createdAt: at, updatedAt: at });
    // A value the data names is kept.
    const earlier = new Date("2001-01-01T00:00:00.000Z");
    expect(
      await rawCreate(db, "Emotion", { userId, label: "x", valence: "NEUTRAL", intensity: 1, recordedAt: earlier }),
    ).toMatchObject({ recordedAt: earlier, createdAt: at });
  });

  it("leaves to Prisma what pg refuses or a constraint forbids, having written nothing", async () => {
    const { db } = ctx;
    const userId = await newUser(db);
    const email = `taken-${randomUUID()}@example.com`;
    await db.user.create({ data: { email } });
    const emotion = { userId, label: "calm", valence: "POSITIVE", intensity: 3 };
    const refused: Array<[string, Record<string, unknown>]> = [
      ["User", { email }],
      ["Emotion", { ...emotion, userId: randomUUID() }],
      ["Emotion", { ...emotion, userId: "not-a-uuid" }],
      ["Emotion", { ...emotion, valence: "ECSTATIC" }],
      ["Emotion", { ...emotion, intensity: 2 ** 40 }],
      ["Emotion", { ...emotion, label: null }],
    ];
    for (const [model, data] of refused) expect(await rawCreate(db, model, data), JSON.stringify(data)).toBeNull();
    expect(await db.emotion.count({ where: { userId } })).toBe(0);
    await expect(db.user.create({ data: { email } })).rejects.toMatchObject({ code: "P2002" });
    // Inside a transaction the statement is the transaction's, which the raw path cannot join.
    expect(await db.$transaction((tx) => rawCreate(tx, "Emotion", emotion))).toBeNull();
    // A model whose columns pg gives back otherwise than Prisma stays on Prisma.
    expect(await rawCreate(db, "AiResponse", {})).toBeNull();
  });

  it("leaves to Prisma the data it does not translate", async () => {
    const { db } = ctx;
    const model = (await rawModelOf(db, "Person")) as TRawModel;
    const userId = randomUUID();
    const untranslated: Array<Record<string, unknown>> = [
      { userId, name: "n", user: { connect: { id: userId } } },
      { user: { connect: { id: userId } }, name: "n" },
      { userId, name: "n", tags: { set: ["a"] } },
      { userId, name: "n", tags: ["a", 1] },
      { userId, name: "n", metadata: Prisma.JsonNull },
      { userId, name: "n", metadata: Prisma.DbNull },
      { userId, name: "n", metadata: null },
      { userId, name: "n", metadata: { big: 1n } },
      { userId, name: "n", sourceSyncedAt: "2026-01-01T00:00:00Z" },
      { userId, name: "n", sourceSyncedAt: new Date(Number.NaN) },
      { userId, name: "n", importance: 1.5 },
      { userId, name: "n", notAField: 1 },
      // A required column left out: Prisma says which.
      { userId },
    ];
    for (const data of untranslated) expect(translateCreate(model, data), String(Object.keys(data))).toBeNull();
    const statement = translateCreate(model, { userId, name: "n", notes: undefined, tags: [] });
    expect(statement?.text).toMatch(/^INSERT INTO "persons" \("user_id", "name", "tags", "created_at", "updated_at"\)/);
    expect(statement?.values.slice(0, 3)).toEqual([userId, "n", []]);
  });
});
