import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testTargets } from "@cto/db/testing";

import { buildOpenApiDocument } from "../src/openapi-document.ts";
import type { THttpMethod } from "./support/api.ts";
import { startApi, type Harness } from "./harness.ts";
import {
  addedRows,
  changedRows,
  databaseSnapshot,
  detailPaths,
  exportArchive,
  seededAccount,
} from "./isolation-fixtures.ts";

type Client = Awaited<ReturnType<typeof seededAccount>>;
type Operation = {
  parameters?: { name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
};

const document = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);
/** Every list the API pages through with a cursor, from the document, so a new one is covered the day it appears. */
const LISTS = operations
  .filter(
    ({ method, operation }) =>
      method === "get" && operation.parameters?.some((parameter) => parameter.name === "cursor"),
  )
  .map(({ path }) => path);
const GLOBAL_LISTS = ["/feed", "/admin/knowledge", "/admin/users", "/admin/audit-log"];
/** Every id a request body carries, from the document (the archive of POST /me/import has its own suite). */
const BODY_IDS = operations.flatMap(({ path, method, operation }) =>
  Object.entries(operation.requestBody?.content?.["application/json"]?.schema?.properties ?? {})
    .filter(([, schema]) => JSON.stringify(schema).includes('"format":"uuid"') && path !== "/me/import")
    .map(([field]) => `${method.toUpperCase()} ${path} ${field}`),
);

/** A body each id field can ride in, and the section of the archive whose rows it names. */
/**
 * `ownMessage`: a field that must hold one of the caller's own user messages in the parent conversation, so
 * that only the named field is foreign.
 */
const BODY_CASES: Record<
  string,
  { body: Record<string, unknown>; section: string; parent?: string; ownMessage?: string }
> = {
  "POST /commitments goalId": { body: { title: "Isolation" }, section: "goals" },
  "PATCH /commitments/{id} goalId": { body: {}, section: "goals", parent: "commitments" },
  "POST /insights conversationId": { body: { content: "Isolation" }, section: "conversations" },
  "PATCH /insights/{id} conversationId": { body: {}, section: "conversations", parent: "insights" },
  "POST /emotions conversationId": {
    body: { label: "calm", valence: "neutral", intensity: 5 },
    section: "conversations",
  },
  "PATCH /emotions/{id} conversationId": { body: {}, section: "conversations", parent: "emotions" },
  "POST /events placeId": { body: { title: "Isolation", startsAt: Date.UTC(2030, 0, 1) }, section: "places" },
  "PATCH /events/{id} placeId": { body: {}, section: "places", parent: "events" },
  "POST /tasks parentId": { body: { title: "Isolation" }, section: "tasks" },
  "POST /tasks assignedToId": { body: { title: "Isolation" }, section: "people" },
  "PATCH /tasks/{id} parentId": { body: {}, section: "tasks", parent: "tasks" },
  "PATCH /tasks/{id} assignedToId": { body: {}, section: "people", parent: "tasks" },
  "POST /deadlines taskId": { body: { title: "Isolation", dueAt: Date.UTC(2030, 0, 1) }, section: "tasks" },
  "POST /deadlines eventId": { body: { title: "Isolation", dueAt: Date.UTC(2030, 0, 1) }, section: "events" },
  "PATCH /deadlines/{id} taskId": { body: {}, section: "tasks", parent: "deadlines" },
  "PATCH /deadlines/{id} eventId": { body: {}, section: "events", parent: "deadlines" },
  "POST /relationships sourceId": {
    body: { sourceType: "person", targetType: "place", relationship: "works_at" },
    section: "people",
  },
  "POST /relationships targetId": {
    body: { sourceType: "person", targetType: "place", relationship: "works_at" },
    section: "places",
  },
  "POST /conversations/{id}/chat/retry messageId": { body: {}, section: "messages", parent: "conversations" },
  "POST /conversations/{id}/chat/stop messageId": { body: {}, section: "messages", parent: "conversations" },
  "POST /conversations/{id}/chat/regenerate messageId": { body: {}, section: "messages", parent: "conversations" },
  "POST /conversations/{id}/chat/choose messageId": {
    body: { replyId: "00000000-0000-4000-8000-000000000000" },
    section: "messages",
    parent: "conversations",
  },
  "POST /conversations/{id}/chat/edit messageId": {
    body: { content: "Isolation" },
    section: "messages",
    parent: "conversations",
  },
  "POST /conversations/{id}/chat/branch messageId": { body: {}, section: "messages", parent: "conversations" },
  "POST /conversations/{id}/chat/choose replyId": {
    body: {},
    section: "messages",
    parent: "conversations",
    ownMessage: "messageId",
  },
};

describe.each(testTargets().map((target) => [target.name, target] as const))(
  "ids in requests name the caller's rows only (%s)",
  (_name, target) => {
    let harness: Harness;
    let victim: Client;
    let caller: Client;
    let victimData: Record<string, Record<string, unknown>[]>;
    let callerData: Record<string, Record<string, unknown>[]>;

    beforeAll(async () => {
      harness = await startApi({}, {}, target);
      victim = await seededAccount(harness, "victim");
      caller = await seededAccount(harness, "caller");
      victimData = (await exportArchive(harness, victim)).data;
      callerData = (await exportArchive(harness, caller)).data;
    }, 180_000);
    afterAll(async () => harness?.close());

    const firstId = async (client: Client, path: string) => {
      const response = await client.request("GET", `${path}${path.includes("?") ? "&" : "?"}limit=1`);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      return (response.body.items as Array<{ id: string }>)[0]?.id;
    };
    /** The list's path for `client`: a nested list under one of their parents that has children. */
    const listPath = async (client: Client, path: string) => {
      // Bookmark collections are names, not rows: the seed puts messages of both users in "favourites".
      if (path.includes("{collectionId}")) return path.replace("{collectionId}", "favourites");
      if (!path.includes("{id}")) return path;
      const parents = await client.request("GET", `${path.slice(0, path.indexOf("/{id}"))}?limit=100`);
      for (const parent of parents.body.items as { id: string }[]) {
        const concrete = path.replace("{id}", parent.id);
        if (await firstId(client, concrete)) return concrete;
      }
      throw new Error(`no parent with rows for ${path}: seed some`);
    };
    const expectInvalidCursor = async (path: string, cursor: string) => {
      const response = await caller.request("GET", `${path}${path.includes("?") ? "&" : "?"}cursor=${cursor}`);
      expect(response.status, `${path} with cursor ${cursor}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(response.body.error?.code).toBe("validation_failed");
      expect(detailPaths(response.body)).toEqual(["cursor"]);
    };

    it("covers every list with a cursor", () => {
      expect(LISTS.length).toBeGreaterThan(20);
    });

    it.each(LISTS.filter((path) => !GLOBAL_LISTS.includes(path)))(
      "GET %s refuses another user's row, a row of another list and a made-up id as cursor",
      async (path) => {
        const victimRow = await firstId(victim, await listPath(victim, path));
        const own = await listPath(caller, path);
        const ownRow = await firstId(caller, own);
        expect(victimRow, `the victim has rows in ${path}`).toBeDefined();
        expect(ownRow, `the caller has rows in ${path}`).toBeDefined();
        // The caller's own row continues the list.
        expect((await caller.request("GET", `${own}?cursor=${ownRow}`)).status).toBe(200);
        await expectInvalidCursor(own, victimRow!);
        await expectInvalidCursor(own, crypto.randomUUID());
        // Ids of the caller's that are not in this list: a row of every section of their archive the list does not hold.
        const listed = new Set<string>();
        for (let page: string | null | undefined = undefined, pages = 0; page !== null && pages < 20; pages += 1) {
          const url: string = `${own}?limit=100${page ? `&cursor=${page}` : ""}`;
          const response = await caller.request("GET", url);
          for (const item of response.body.items as { id: string }[]) listed.add(item.id);
          page = response.body.nextCursor as string | null;
        }
        const elsewhere = Object.values(callerData)
          .flatMap((rows) => rows.map((row) => row.id as string))
          .filter((id) => !listed.has(id));
        for (const id of elsewhere.slice(0, 5)) await expectInvalidCursor(own, id);
      },
    );

    const TRASHABLE: Record<string, Record<string, unknown>> = {
      "/people": { name: "Trashed" },
      "/places": { name: "Trashed" },
      "/events": { title: "Trashed", startsAt: Date.UTC(2030, 0, 1) },
      "/tasks": { title: "Trashed" },
      "/deadlines": { title: "Trashed", dueAt: Date.UTC(2030, 0, 1) },
      "/analysis-sessions": { type: "text" },
      "/conversations": { title: "Trashed" },
    };
    it("knows every list with a trash", () => {
      const withTrash = operations.filter(
        ({ method, operation }) =>
          method === "get" && operation.parameters?.some((parameter) => parameter.name === "trash"),
      );
      expect(withTrash.map(({ path }) => path).sort()).toEqual(Object.keys(TRASHABLE).sort());
    });

    it.each(Object.keys(TRASHABLE))("GET %s pages the trash and the live list apart", async (path) => {
      const created = await caller.request("POST", path, TRASHABLE[path]);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const trashed = created.body.id as string;
      expect((await caller.request("DELETE", `${path}/${trashed}`)).status).toBe(204);
      const live = await firstId(caller, path);
      expect(live).toBeDefined();
      await expectInvalidCursor(path, trashed);
      expect((await caller.request("GET", `${path}?trash=true&cursor=${trashed}`)).status).toBe(200);
      await expectInvalidCursor(`${path}?trash=true`, live!);
      expect((await caller.request("DELETE", `${path}/${trashed}?permanent=true`)).status).toBe(204);
    });

    it("GET /feed takes any published post as cursor, never a draft", async () => {
      const draft = victimData.posts!.find((post) => post.status === "DRAFT")!.id as string;
      const published = victimData.posts!.find((post) => post.status === "PUBLISHED")!.id as string;
      expect((await caller.request("GET", `/feed?cursor=${published}`)).status).toBe(200);
      await expectInvalidCursor("/feed", draft);
      await expectInvalidCursor("/feed", victimData.goals![0]!.id as string);
    });

    it("GET /admin/knowledge takes a knowledge chunk as cursor, nothing else", async () => {
      const chunk = (await harness.db.knowledgeChunk.findFirst({ select: { id: true } }))?.id;
      if (chunk) expect((await caller.request("GET", `/admin/knowledge?cursor=${chunk}`)).status).toBe(200);
      await expectInvalidCursor("/admin/knowledge", victimData.goals![0]!.id as string);
      await expectInvalidCursor("/admin/knowledge", crypto.randomUUID());
    });

    // The caller is the seed's administrator: the accounts and the audit log are everyone's, not theirs.
    it("GET /admin/users takes any account as cursor, nothing else", async () => {
      const account = await harness.db.user.findFirstOrThrow({ where: { email: { contains: "victim" } } });
      expect((await caller.request("GET", `/admin/users?cursor=${account.id}`)).status).toBe(200);
      await expectInvalidCursor("/admin/users", victimData.goals![0]!.id as string);
      await expectInvalidCursor("/admin/users", crypto.randomUUID());
    });

    it("GET /admin/audit-log takes an audit entry as cursor, nothing else", async () => {
      const entry = await harness.db.adminAuditLog.findFirstOrThrow({ select: { id: true } });
      expect((await caller.request("GET", `/admin/audit-log?cursor=${entry.id}`)).status).toBe(200);
      await expectInvalidCursor("/admin/audit-log", victimData.goals![0]!.id as string);
      await expectInvalidCursor("/admin/audit-log", crypto.randomUUID());
    });

    it("knows a body for every id field the document lists", () => {
      expect(Object.keys(BODY_CASES).sort()).toEqual([...BODY_IDS].sort());
    });

    it.each(Object.keys(BODY_CASES))(
      "%s: another user's id is refused with the field's path, changing nothing",
      async (key) => {
        const [method, path, field] = key.split(" ") as [THttpMethod, string, string];
        const { body, section, parent, ownMessage } = BODY_CASES[key]!;
        const parentId = parent ? (callerData[parent]![0]!.id as string) : undefined;
        const concrete = parentId ? path.replace("{id}", parentId) : path;
        const own = ownMessage
          ? {
              [ownMessage]: callerData.messages!.find((row) => row.conversationId === parentId && row.role === "USER")!
                .id,
            }
          : {};
        const foreign = victimData[section]!.find((row) => section !== "messages" || row.role === "USER")!.id as string;
        // The relationship's other end is the caller's own, so only the named end is foreign.
        const ends =
          path === "/relationships" ? { sourceId: callerData.people![0]!.id, targetId: callerData.places![0]!.id } : {};
        const before = await databaseSnapshot(harness.db);
        const response = await caller.request(method, concrete, { ...body, ...own, ...ends, [field]: foreign });
        expect([400, 404], JSON.stringify(response.body)).toContain(response.status);
        expect(detailPaths(response.body)).toEqual([field]);
        const after = await databaseSnapshot(harness.db);
        expect([...changedRows(before, after), ...addedRows(before, after)]).toEqual([]);
      },
    );
  },
);
