// Every resource list's first page takes @cto/db's raw path (rawFindMany) instead of Prisma. For each
// resourceService spec, rows full of edge values (hostile text, extreme dates, every JSON shape, arrays,
// nulls, trashed rows, another user's rows), each sort and a spread of filters: the raw first page must be
// Prisma's findMany, row for row and value for value, and the list read page after page must be Prisma's
// whole list, on both database targets.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { Prisma, queryRows, type Db } from "@cto/db/client";
import { $Enums } from "@cto/db/generated";
import { rawFindMany } from "@cto/db/raw-find";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { analysisSessionService } from "../src/services/analysis/sessions.ts";
import { eventService, personService, placeService } from "../src/services/assistant/context.ts";
import { relationshipService } from "../src/services/assistant/relationships.ts";
import { deadlineService, taskService } from "../src/services/assistant/tasks.ts";
import { consistencyMetricService, reportService } from "../src/services/coaching/computed.ts";
import { conversationService } from "../src/services/coaching/conversations.ts";
import { emotionService, energyMetricService, insightService } from "../src/services/coaching/journal.ts";
import { commitmentService } from "../src/services/commitments.ts";
import { postService } from "../src/services/community/posts.ts";
import { connectedAccountService } from "../src/services/connected-accounts.ts";
import { goalService } from "../src/services/goals.ts";
import { notificationService, reminderScheduleService } from "../src/services/notifications.ts";
import type { ModelDelegate, TResourceService } from "../src/services/resource.ts";

const ROWS = 14;
// As many distinct values as rows, so that a row's text and dates are its own (unique keys hold).
const TEXTS = [
  "",
  " padded ",
  "ünïcödé ✈️ 𝔘𝔫𝔦 مرحبا",
  "zero\u200bwidth",
  'it\'s "quoted" \\ back\\slash',
  "NULL",
  "{a,b}",
  "line\nbreak\ttab",
  "%_*? LIKE",
  "x".repeat(2_000),
  "a",
  "A",
  "colleague",
  "Ω",
];
const DATES = [
  new Date("0001-01-01T00:00:00.000Z"),
  new Date("9999-12-31T23:59:59.999Z"),
  new Date(0),
  new Date(-1),
  new Date("2000-02-29T12:34:56.789Z"),
  new Date("1900-01-01T00:00:00.001Z"),
  new Date("2026-06-15T10:00:00.000Z"),
  new Date("2026-06-15T10:00:00.000Z".replace("10:00", "10:01")),
  new Date("2038-01-19T03:14:08.000Z"),
  new Date("1969-07-20T20:17:40.000Z"),
  new Date("2099-12-31T23:59:59.999Z"),
  new Date("1582-10-15T00:00:00.000Z"),
  new Date("2026-03-29T01:30:00.000Z"),
  new Date("0100-06-15T12:00:00.000Z"),
];
const JSONS = [
  {},
  [],
  { "ü ✈️": [1, 2.5, null, true, "x"], nested: { deeper: { deepest: [] } } },
  { big: 2 ** 60, tiny: 1e-7, negative: -0.5, text: 'it\'s "q"' },
  [{ a: null }, "NULL", "{a,b}"],
  "just text",
  42,
];
const TAG_SETS = [[], ["a"], ["NULL", "", "{a,b}", '"q"', "\\", "a,b", "ü ✈️"], ["a", "b"], [" padded "]];
const DECIMALS = ["0", "0.5", "1", "0.01", "0.99"];

type TRefs = Record<
  "conversationId" | "goalId" | "taskId" | "personId" | "placeId" | "eventId" | "commitmentId" | "deadlineId",
  string
>;
// Nullable links filled with one of the user's own rows on every other row (the rest stay null).
const LINKS: Record<string, keyof TRefs> = {
  conversationId: "conversationId",
  goalId: "goalId",
  parentId: "taskId",
  taskId: "taskId",
  assignedToId: "personId",
  placeId: "placeId",
  eventId: "eventId",
  commitmentId: "commitmentId",
  deadlineId: "deadlineId",
};
type TColumn = { name: string; nullable: boolean; type: string };
type TField = { name: string; kind: string; type: string; dbName?: string | null };

/** Row `i` of `model` for `userId`: every field an edge value of its type, then the model's own rules. */
const rowFor = (
  model: string,
  fields: TField[],
  columns: Map<string, TColumn>,
  {
    i,
    owner,
    userId,
    refs,
    salt,
    softDelete,
  }: {
    i: number;
    owner: string;
    userId: string;
    refs: TRefs;
    salt: string;
    softDelete: boolean;
  },
) => {
  const data: Record<string, unknown> = { [owner]: userId };
  const date = DATES[i % DATES.length]!;
  for (const field of fields) {
    if (field.kind === "object" || field.name === "id" || field.name === owner) continue;
    const column = columns.get(field.dbName ?? field.name)!;
    // Prisma's lists are never null, though their columns may be.
    const isNull = column.nullable && !column.type.startsWith("_") && i % 3 === 2;
    let value: unknown;
    if (field.kind === "enum") {
      const values = Object.values($Enums[field.type as keyof typeof $Enums]);
      value = values[i % values.length];
    } else if (column.type.startsWith("_")) value = TAG_SETS[i % TAG_SETS.length];
    else if (column.type === "uuid")
      value = LINKS[field.name] && i % 2 ? refs[LINKS[field.name]!] : column.nullable ? null : randomUUID();
    else if (field.type === "String") value = `${TEXTS[i % TEXTS.length]}${salt}`;
    else if (field.type === "Int") value = 1 + (i % 10);
    else if (field.type === "Boolean") value = i % 2 === 0;
    else if (field.type === "Decimal") value = new Prisma.Decimal(DECIMALS[i % DECIMALS.length]!);
    else if (field.type === "DateTime") value = date;
    else if (field.type === "Json") value = JSONS[i % JSONS.length];
    else throw new Error(`${model}.${field.name}: no edge value for ${field.type}`);
    data[field.name] = isNull && value !== undefined && column.type !== "uuid" ? null : value;
    if (data[field.name] === null && field.type === "Json") data[field.name] = Prisma.DbNull;
  }
  if (softDelete) data.deletedAt = i % 4 === 3 ? date : null;
  // The database's own rules (CHECK constraints, migrations' "Hand-written" section).
  if ("publishedAt" in data) data.publishedAt = data.status === "PUBLISHED" ? date : null;
  if ("endsAt" in data && data.endsAt !== null) data.endsAt = data.startsAt;
  // A report spans its type's days; Prisma cannot write a year before 1 (it sends no era), so the first date
  // starts its period instead of ending it.
  if ("periodStart" in data) {
    const days = { TWO_DAY: 2, SEVEN_DAY: 7, TWENTY_ONE_DAY: 21 }[String(data.type)];
    const span = days ? days * 86_400_000 : 1;
    [data.periodStart, data.periodEnd] =
      i % DATES.length ? [new Date(date.getTime() - span), date] : [date, new Date(date.getTime() + span)];
  }
  if (model === "AnalysisSession") data.ocrResult = i % 2 ? [{ text: TEXTS[i % TEXTS.length] }] : Prisma.DbNull;
  if (model === "Person" && i % 2) data.type = "colleague";
  if (model === "Insight") data.source = ["user", "message", "check_in", "analytics"][i % 4];
  if (model === "ProactiveMessage" && data.status === "SENT") data.sentAt = date;
  if (model === "ReminderSchedule")
    Object.assign(data, { commitmentId: refs.commitmentId, deadlineId: refs.deadlineId });
  return data;
};

/** What the test reads of a resource service: its list and the parts of its spec the list uses. */
type TListed = {
  list: TResourceService["list"];
  spec: {
    model: (db: never) => unknown;
    owner?: string;
    filters: { parse: (query: unknown) => unknown };
    where?: (filters: never) => Record<string, unknown>;
    sorts: Record<string, Record<string, unknown>[]>;
    softDelete?: boolean;
  };
};
type TCase = {
  service: TListed;
  /** Query strings of the list (parsed by the spec's own filter schema), beside none. */
  filters: Record<string, string>[];
  /** Filters the raw path leaves to Prisma (an OR). */
  prismaOnly?: Record<string, string>[];
};

const tag = TAG_SETS[2]![0]!;
const uuidOf = (refs: TRefs, key: keyof TRefs) => refs[key];
const CASES = (refs: TRefs): Record<string, TCase> => ({
  posts: { service: postService, filters: [{ status: "published" }, { status: "draft" }] },
  goals: {
    service: goalService,
    filters: [{ status: "active" }, { period: "weekly" }, { status: "completed", period: "daily" }],
  },
  conversations: { service: conversationService, filters: [{ isActive: "true" }, { isActive: "false" }] },
  "consistency metrics": { service: consistencyMetricService, filters: [{ windowDays: "3" }] },
  reports: { service: reportService, filters: [{ type: "seven_day" }] },
  insights: {
    service: insightService,
    filters: [{ tag }, { tag: "a,b" }, { tag: "nothing-tagged" }, { conversationId: uuidOf(refs, "conversationId") }],
  },
  emotions: {
    service: emotionService,
    filters: [
      { from: String(Date.UTC(1970, 0, 1)) },
      { from: String(Date.UTC(1900, 0, 1)), to: String(Date.UTC(2030, 0, 1)), valence: "positive" },
      { conversationId: uuidOf(refs, "conversationId") },
    ],
  },
  "energy metrics": { service: energyMetricService, filters: [{ to: "0" }, { from: "-1" }] },
  people: {
    service: personService,
    filters: [{ type: "colleague" }, { tag: "NULL" }, { tag: "" === tag ? "x" : tag }],
    prismaOnly: [{ q: "ünï" }],
  },
  places: { service: placeService, filters: [{ tag: "a" }, { type: "a" }] },
  events: {
    service: eventService,
    filters: [
      { from: String(Date.UTC(2000, 0, 1)) },
      { to: "0", status: "confirmed" },
      { placeId: uuidOf(refs, "placeId") },
    ],
  },
  tasks: {
    service: taskService,
    filters: [
      { parentId: "root" },
      { parentId: uuidOf(refs, "taskId") },
      { status: "pending", priority: "high" },
      { dueBefore: String(Date.UTC(2000, 0, 1)) },
      { assignedToId: uuidOf(refs, "personId") },
    ],
  },
  deadlines: {
    service: deadlineService,
    filters: [{ dueBefore: "1" }, { status: "pending", type: "deadline" }, { taskId: uuidOf(refs, "taskId") }],
  },
  relationships: {
    service: relationshipService,
    filters: [{ relationship: "a" }],
    prismaOnly: [{ entityType: "person" }],
  },
  notifications: {
    service: notificationService,
    filters: [{ unseen: "true" }, { status: "sent", channel: "in_app" }, { unseen: "false" }],
  },
  "reminder schedules": {
    service: reminderScheduleService,
    filters: [{ kind: "commitment_reminder", status: "active" }, { kind: "report" }],
  },
  "analysis sessions": {
    service: analysisSessionService,
    filters: [{ pinned: "true" }, { pinned: "false", type: "text" }, { status: "complete" }],
  },
  "connected accounts": { service: connectedAccountService, filters: [{ provider: "a" }] },
  commitments: {
    service: commitmentService,
    filters: [
      { open: "true" },
      { open: "false", status: "completed" },
      { dueBefore: String(Date.UTC(2026, 0, 1)) },
      { goalId: uuidOf(refs, "goalId") },
    ],
  },
});

/** The spec names of every resourceService in the services' sources. */
const specNamesInSources = () => {
  const root = path.join(import.meta.dirname, "../src/services");
  const names: string[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts")))
    for (const match of readFileSync(path.join(root, file), "utf8").matchAll(/resourceService\(\{\s*name: "([^"]+)"/g))
      names.push(match[1]!);
  return names.sort();
};

describe.each(testTargets())("resource lists' raw first page on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("gives Prisma's rows for every resource, sort and filter, and pages on from there as Prisma does", async () => {
    const { db } = handle;
    const runtime = (db as unknown as { _runtimeDataModel: { models: Record<string, { fields: TField[] }> } })
      ._runtimeDataModel.models;
    const newUser = async (name: string) =>
      (await db.user.create({ data: { email: `${name}-${randomUUID()}@example.com` } })).id;
    const [userId, strangerId] = [await newUser("raw-list"), await newUser("stranger")];
    const refsOf = async (owner: string): Promise<TRefs> => ({
      conversationId: (await db.conversation.create({ data: { userId: owner } })).id,
      goalId: (await db.goal.create({ data: { userId: owner, title: "Ref", period: "WEEKLY" } })).id,
      taskId: (await db.task.create({ data: { userId: owner, title: "Ref" } })).id,
      personId: (await db.person.create({ data: { userId: owner, name: "Ref" } })).id,
      placeId: (await db.place.create({ data: { userId: owner, name: "Ref" } })).id,
      eventId: (await db.event.create({ data: { userId: owner, title: "Ref", startsAt: new Date() } })).id,
      commitmentId: (await db.commitment.create({ data: { userId: owner, title: "Ref" } })).id,
      deadlineId: (await db.deadline.create({ data: { userId: owner, title: "Ref", dueAt: new Date() } })).id,
    });
    const refs = await refsOf(userId);
    const strangerRefs = await refsOf(strangerId);
    const cases = CASES(refs);
    expect(Object.keys(cases).sort()).toEqual(specNamesInSources());

    for (const [name, { service, filters, prismaOnly = [] }] of Object.entries(cases)) {
      const { spec } = service;
      const model = spec.model(db as never) as ModelDelegate;
      const modelName = model.$name!;
      const owner = spec.owner ?? "userId";
      const table = (runtime[modelName] as { dbName?: string }).dbName ?? modelName;
      const columns = new Map(
        (
          await queryRows<TColumn>(
            db,
            "SELECT column_name AS name, is_nullable = 'YES' AS nullable, udt_name AS type FROM information_schema.columns WHERE table_name = $1",
            [table],
          )
        ).map((column) => [column.name, column]),
      );
      const fields = runtime[modelName]!.fields;
      const write = (ownerId: string, ownerRefs: TRefs, salt: string, count: number) =>
        (db as unknown as Record<string, { createMany: (args: object) => Promise<unknown> }>)[
          modelName[0]!.toLowerCase() + modelName.slice(1)
        ]!.createMany({
          data: Array.from({ length: count }, (_, i) =>
            rowFor(modelName, fields, columns, {
              i,
              owner,
              userId: ownerId,
              refs: ownerRefs,
              salt,
              softDelete: !!spec.softDelete,
            }),
          ),
        });
      await write(userId, refs, "", ROWS);
      await write(strangerId, strangerRefs, " (stranger)", 5);

      const queries = [{}, ...filters].map((query) => ({ query, raw: true }));
      queries.push(...prismaOnly.map((query) => ({ query, raw: false })));
      for (const sort of Object.keys(spec.sorts))
        for (const trash of spec.softDelete ? [undefined, "true"] : [undefined])
          for (const { query, raw: takesRaw } of queries) {
            const what = `${name} sorted by ${sort}${trash ? " in the trash" : ""} with ${JSON.stringify(query)}`;
            const parsed = spec.filters.parse(query) as Record<string, unknown>;
            // Prisma's answer to the list's question: its scope, filters and order, every row.
            const trashSide = spec.softDelete ? { deletedAt: trash ? { not: null } : null } : {};
            const where = { ...(spec.where?.(parsed as never) ?? {}), [owner]: userId, ...trashSide };
            const orderBy = [...spec.sorts[sort]!, { id: "desc" }];
            const expected = await model.findMany({ where, orderBy });
            const raw = await rawFindMany(db, modelName, { where, orderBy, take: 6 });
            if (takesRaw) expect(raw, what).toStrictEqual(expected.slice(0, 6));
            else expect(raw, what).toBeNull();

            const seen: unknown[] = [];
            let cursor: string | undefined;
            for (let pages = 0; pages < 2 * ROWS; pages++) {
              const page = await service.list({
                db: db.$replica() as Db,
                userId,
                query: { limit: 5, sort, ...parsed, ...(trash ? { trash } : {}), ...(cursor ? { cursor } : {}) },
              });
              seen.push(...page.items);
              if (!page.nextCursor) break;
              cursor = page.nextCursor;
            }
            expect(seen, what).toStrictEqual(expected);
            for (const row of seen as Record<string, unknown>[]) {
              expect(row[owner], what).toBe(userId);
              if (spec.softDelete) expect(row.deletedAt === null, what).toBe(!trash);
            }
          }
    }
  }, 300_000);

  it("answers an empty page for a malformed uuid in a filter, where Prisma's guard answers one too", async () => {
    const { db } = handle;
    const userId = (await db.user.create({ data: { email: `malformed-${randomUUID()}@example.com` } })).id;
    await db.emotion.create({ data: { userId, label: "calm", valence: "POSITIVE", intensity: 3 } });
    await db.task.create({ data: { userId, title: "Root" } });
    for (const malformed of ["not-a-uuid", "'; DROP TABLE emotions; --", "0"]) {
      const emotions = await emotionService.list({
        db: db.$replica(),
        userId,
        query: { limit: 5, sort: "recorded", conversationId: malformed },
      });
      expect(emotions).toEqual({ items: [], nextCursor: null });
      const tasks = await taskService.list({ db, userId, query: { limit: 5, sort: "due", parentId: malformed } });
      expect(tasks).toEqual({ items: [], nextCursor: null });
    }
    expect((await emotionService.list({ db, userId, query: { limit: 5, sort: "recorded" } })).items).toHaveLength(1);
  });

  it("never lists a trashed row outside the trash, nor a live one in it", async () => {
    const { db } = handle;
    const userId = (await db.user.create({ data: { email: `trash-${randomUUID()}@example.com` } })).id;
    const live = await db.task.create({ data: { userId, title: "Live" } });
    const trashed = await db.task.create({ data: { userId, title: "Trashed", deletedAt: new Date() } });
    const list = (trash?: string) =>
      taskService.list({
        db: db.$replica(),
        userId,
        query: { limit: 10, sort: "created", ...(trash ? { trash } : {}) },
      });
    expect((await list()).items.map((task) => task.id)).toEqual([live.id]);
    expect((await list("true")).items.map((task) => task.id)).toEqual([trashed.id]);
  });
});
