import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { MAX_BODY_DEPTH, TIMESTAMP_RANGE } from "@cto/contracts/values";
import { createDb, type Db } from "@cto/db/client";
import { testTargets, type TestDatabase } from "@cto/db/testing";

import { createApp } from "../src/app.ts";
import { DEFAULT_CONFIG } from "../src/context.ts";
import { createOutboxMailer } from "../src/services/mailer.ts";
import { WEB_ORIGIN } from "./harness.ts";

/**
 * The hostile values issue 11 found answering 5xx (or worse, 201 and then null), each on both database
 * targets: instants past PostgreSQL's range, NUL and lone surrogates in text, JSON and query strings,
 * JSON nested 100,000 deep, and LIKE wildcards in a search. Each must be a 400 naming its path, and
 * the values at the edges of the accepted range must come back exactly as sent.
 */

for (const target of testTargets()) {
  describe(`hostile values (${target.name})`, () => {
    let database: TestDatabase;
    let db: Db;
    let app: ReturnType<typeof createApp>;
    let outbox: string;
    let cookie = "";

    const send = async (method: string, url: string, body?: unknown, raw?: string) => {
      const response = await app.request(url, {
        method,
        headers: {
          origin: WEB_ORIGIN,
          cookie,
          ...(body === undefined && raw === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(raw !== undefined ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    };
    const refusedAt = (response: Awaited<ReturnType<typeof send>>) => {
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      return (response.body.error.details as { path: string }[]).map((detail) => detail.path);
    };

    beforeAll(async () => {
      database = await target.createMigrated();
      db = createDb({ url: database.url, log: [] });
      outbox = await mkdtemp(path.join(tmpdir(), "cto-outbox-"));
      app = createApp({
        db,
        config: { ...DEFAULT_CONFIG, webOrigin: WEB_ORIGIN },
        mailer: createOutboxMailer(outbox),
        ai: createAiProvider(parseAiConfig({})),
      });
      const signUp = await app.request("/auth/sign-up", {
        method: "POST",
        headers: { origin: WEB_ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ email: `hostile-${target.name}@example.com`, password: "correct horse battery" }),
      });
      expect(signUp.status).toBe(201);
      cookie = signUp.headers.get("set-cookie")!.split(";")[0]!;
    });
    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
      await rm(outbox, { recursive: true, force: true });
    });

    it("keeps instants at both ends of the accepted range exactly, and refuses one past them in bodies and filters", async () => {
      for (const dueDate of [TIMESTAMP_RANGE.min, TIMESTAMP_RANGE.max, -1, 0]) {
        const created = await send("POST", "/tasks", { title: `due ${dueDate}`, dueDate });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(created.body.dueDate).toBe(dueDate);
        expect((await send("GET", `/tasks/${created.body.id}`)).body.dueDate).toBe(dueDate);
      }
      for (const dueDate of [8.64e15, -8.64e15, TIMESTAMP_RANGE.max + 1, TIMESTAMP_RANGE.min - 1, 1.5])
        expect(refusedAt(await send("POST", "/tasks", { title: "far", dueDate }))).toEqual(["dueDate"]);
      expect(
        refusedAt(
          await send("POST", "/emotions", { label: "far", valence: "neutral", intensity: 3, recordedAt: 8.64e15 }),
        ),
      ).toEqual(["recordedAt"]);
      for (const value of ["8640000000000000", "-8640000000000000", "253402300800000", "1e400"]) {
        expect(refusedAt(await send("GET", `/tasks?dueBefore=${value}`))).toEqual(["dueBefore"]);
        expect(refusedAt(await send("GET", `/commitments?dueBefore=${value}`))).toEqual(["dueBefore"]);
        expect(refusedAt(await send("GET", `/emotions?from=${value}`))).toEqual(["from"]);
      }
      expect((await send("GET", `/tasks?dueBefore=${TIMESTAMP_RANGE.min}`)).status).toBe(200);
    });

    it("refuses NUL and lone surrogates in text, JSON metadata and query strings, naming the path", async () => {
      expect(refusedAt(await send("POST", "/tasks", { title: "a\u0000b" }))).toEqual(["title"]);
      expect(refusedAt(await send("POST", "/tasks", { title: "a\ud800b" }))).toEqual(["title"]);
      expect(
        refusedAt(await send("POST", "/tasks", { title: "ok", metadata: { note: ["fine", "bad\u0000"] } })),
      ).toEqual(["metadata.note.1"]);
      expect(refusedAt(await send("POST", "/people", { name: "ok", metadata: { "k\u0000": 1 } }))).toEqual([
        "metadata.k\u0000",
      ]);
      expect(
        refusedAt(
          await send("POST", "/events", { title: "ok", startsAt: 0, virtualUrl: "https://example.com/\u0000" }),
        ),
      ).toEqual(["virtualUrl"]);
      expect(refusedAt(await send("GET", "/people?q=a%00b"))).toEqual(["q"]);
      expect(refusedAt(await send("GET", "/tasks?cursor=%00"))).toEqual(["cursor"]);
      expect(
        refusedAt(
          await send(
            "POST",
            "/conversations",
            { title: "ok", context: { n: 1 } },
            '{"title":"ok","context":{"n":1e400}}',
          ),
        ),
      ).toEqual(["context.n"]);
    });

    it("refuses JSON nested 100,000 deep before parsing it, and metadata past its depth, with their paths", async () => {
      const deep = await send(
        "POST",
        "/tasks",
        undefined,
        `{"title":"x","metadata":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
      );
      expect(refusedAt(deep)).toEqual([["metadata", "a", ...Array(MAX_BODY_DEPTH - 2).fill(0)].join(".")]);
      expect(
        refusedAt(await send("POST", "/tasks", undefined, "[".repeat(100_000) + "]".repeat(100_000))),
      ).toHaveLength(1);
      let nested: unknown = 1;
      for (let level = 0; level < 20; level += 1) nested = { d: nested };
      expect(refusedAt(await send("POST", "/tasks", { title: "x", metadata: nested }))[0]).toMatch(/^metadata(\.d)+$/);
      expect(
        (await send("POST", "/tasks", { title: "shallow", metadata: { a: { b: { c: [1, 2, { d: "ünï 😀" }] } } } }))
          .status,
      ).toBe(201);
    });

    it("searches people for % and _ literally", async () => {
      for (const name of ["100% sure", "snake_case", "plain"])
        expect((await send("POST", "/people", { name })).status).toBe(201);
      const names = async (q: string) =>
        ((await send("GET", `/people?q=${encodeURIComponent(q)}`)).body.items as { name: string }[]).map(
          (person) => person.name,
        );
      expect(await names("%")).toEqual(["100% sure"]);
      expect(await names("_")).toEqual(["snake_case"]);
      expect(await names("0% s")).toEqual(["100% sure"]);
      expect(await names("\\")).toEqual([]);
      expect(await names("PLAIN")).toEqual(["plain"]);
    });
  });
}
