import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testTargets } from "@cto/db/testing";

import { SECTION_SHAPES } from "../src/services/account-archive.ts";
import { isImported } from "../src/services/account-sections.ts";
import { signUp, type TUser } from "./support/api.ts";
import { startApi, type Harness } from "./harness.ts";
import {
  addedRows,
  changedRows,
  databaseSnapshot,
  detailPaths,
  exportArchive,
  referencesLeavingAccount,
  seededAccount,
  type TSnapshot,
} from "./isolation-fixtures.ts";

type Row = Record<string, unknown>;
type Archive = Awaited<ReturnType<typeof exportArchive>>;

const clone = <T>(value: T): T => structuredClone(value);
const imported = SECTION_SHAPES.filter(({ section }) => isImported(section));
// Every foreign key of every imported section (likes and replies on posts have their own rule, below).
const FOREIGN_KEYS = imported.flatMap(({ section, foreignKeys }) =>
  Object.entries(foreignKeys)
    .filter(([column]) => column !== section.publishedPostColumn)
    .map(([column, target]) => [section.key, column, target] as const),
);
const ENTITY_KINDS = [
  ["PERSON", "people"],
  ["PLACE", "places"],
  ["EVENT", "events"],
  ["TASK", "tasks"],
  ["DEADLINE", "deadlines"],
] as const;

describe.each(testTargets().map((target) => [target.name, target] as const))(
  "POST /me/import keeps every account closed (%s)",
  (_name, target) => {
    let harness: Harness;
    let victim: Awaited<ReturnType<typeof seededAccount>>;
    let victimArchive: Archive;
    let sourceArchive: Archive;
    let importer: TUser;
    let before: TSnapshot;

    beforeAll(async () => {
      harness = await startApi({}, {}, target);
      victim = await seededAccount(harness, "victim");
      // The attacker's own account, full of data: its export is the archive every case below bends.
      sourceArchive = await exportArchive(harness, await seededAccount(harness, "attacker"));
      victimArchive = await exportArchive(harness, victim);
      importer = await signUp(harness, "importer");
      before = await databaseSnapshot(harness.db);
    }, 180_000);
    afterAll(async () => harness?.close());

    const victimRow = (section: string, pick: (row: Row) => boolean = () => true) => {
      const row = victimArchive.data[section]!.find(pick);
      if (!row) throw new Error(`the victim's archive has no ${section} row to aim at`);
      return row;
    };
    /** Sends the archive and expects a refusal naming `paths`, with the whole database exactly as before. */
    const expectRefused = async (archive: unknown, paths: string[]) => {
      const response = await importer.request("POST", "/me/import", archive);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error?.code).toBe("validation_failed");
      expect(detailPaths(response.body)).toEqual(expect.arrayContaining(paths));
      const after = await databaseSnapshot(harness.db);
      expect(changedRows(before, after)).toEqual([]);
      expect(addedRows(before, after)).toEqual([]);
      return response.body.error?.details as { path: string; message: string }[];
    };

    it.each(FOREIGN_KEYS)(
      "refuses data.%s[].%s naming the victim's %s, changing nothing",
      async (section, column, targetSection) => {
        const archive = clone(sourceArchive);
        const rows = archive.data[section]!;
        expect(rows.length, `the attacker's archive has ${section}`).toBeGreaterThan(0);
        const index = Math.max(
          0,
          rows.findIndex((row) => row[column] != null),
        );
        rows[index]![column] = victimRow(targetSection, (row) => row.id !== rows[index]!.id).id;
        const details = await expectRefused(archive, [`data.${section}.${index}.${column}`]);
        expect(details.find((detail) => detail.path === `data.${section}.${index}.${column}`)!.message).toContain(
          `data.${targetSection}`,
        );
      },
    );

    it.each(ENTITY_KINDS)("refuses an entity relationship whose end names the victim's %s", async (kind, section) => {
      const archive = clone(sourceArchive);
      const links = archive.data.entityRelationships!;
      expect(links.length).toBeGreaterThan(1);
      Object.assign(links[0]!, { sourceType: kind, sourceId: victimRow(section).id });
      Object.assign(links[1]!, { targetType: kind, targetId: victimRow(section).id });
      await expectRefused(archive, ["data.entityRelationships.0.sourceId", "data.entityRelationships.1.targetId"]);
    });

    it("refuses an entity relationship end that names a row of the archive of another kind", async () => {
      const archive = clone(sourceArchive);
      Object.assign(archive.data.entityRelationships![0]!, {
        sourceType: "PERSON",
        sourceId: archive.data.tasks![0]!.id,
      });
      await expectRefused(archive, ["data.entityRelationships.0.sourceId"]);
    });

    it("refuses rows whose owner column is another user, even when user.id is theirs", async () => {
      const archive = clone(sourceArchive);
      archive.data.goals![0]!.userId = victim.userId;
      archive.data.posts![0]!.authorId = victim.userId;
      await expectRefused(archive, ["data.goals.0.userId", "data.posts.0.authorId"]);
    });

    it("refuses the victim's own archive rows mixed into the attacker's (ids of another account)", async () => {
      const archive = clone(sourceArchive);
      // A message of the attacker's archive moved into the victim's conversation by id: the conversation is not in the archive.
      archive.data.messages![0]!.conversationId = victimRow("conversations").id;
      archive.data.analysisMessages![0]!.analysisSessionId = victimRow("analysisSessions").id;
      archive.data.agentAssumptions![0]!.auditLogId = victimRow("auditLogs").id;
      await expectRefused(archive, [
        "data.messages.0.conversationId",
        "data.analysisMessages.0.analysisSessionId",
        "data.agentAssumptions.0.auditLogId",
      ]);
    });

    describe("references that may leave the archive", () => {
      it("imports a valid archive: every row gets a new id, nothing points outside the account, nothing else changes", async () => {
        const fresh = await signUp(harness, "round-trip");
        const start = await databaseSnapshot(harness.db);
        const response = await fresh.request("POST", "/me/import", sourceArchive);
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        for (const { section } of imported)
          expect(response.body.imported[section.key], section.key).toBe(sourceArchive.data[section.key]!.length);
        // The attacker's like is on their friend's published post: it stays there.
        expect(response.body.dropped).toEqual({});
        const after = await databaseSnapshot(harness.db);
        expect(changedRows(start, after, [`users:${fresh.userId}`])).toEqual([]);
        const sourceIds = new Set(Object.values(sourceArchive.data).flatMap((rows) => rows.map((row) => row.id)));
        expect(addedRows(start, after).filter((key) => sourceIds.has(key.split(":")[1]))).toEqual([]);
        expect(await referencesLeavingAccount(harness.db, fresh.userId)).toEqual([]);
      });

      it.each(["likes", "replies"])(
        "leaves out %s on the victim's draft (counted), and keeps those on a published post",
        async (section) => {
          const archive = clone(sourceArchive);
          const draft = victimRow("posts", (post) => post.status === "DRAFT");
          const published = victimRow("posts", (post) => post.status === "PUBLISHED");
          const rows = archive.data[section]!;
          const template = rows[0]!;
          archive.data[section] = [
            { ...template, postId: draft.id },
            { ...template, id: crypto.randomUUID(), postId: published.id },
            // A post no instance holds.
            { ...template, id: crypto.randomUUID(), postId: crypto.randomUUID() },
          ];
          const fresh = await signUp(harness, `outside-${section}`);
          const start = await databaseSnapshot(harness.db);
          const response = await fresh.request("POST", "/me/import", archive);
          expect(response.status, JSON.stringify(response.body)).toBe(201);
          expect(response.body.imported[section]).toBe(1);
          expect(response.body.dropped[section]).toBe(2);
          const model = section === "likes" ? harness.db.like : harness.db.reply;
          const where = section === "likes" ? { userId: fresh.userId } : { authorId: fresh.userId };
          expect(
            (await (model as typeof harness.db.like).findMany({ where: where as { userId: string } })).map(
              (row) => row.postId,
            ),
          ).toEqual([published.id]);
          expect(changedRows(start, await databaseSnapshot(harness.db), [`users:${fresh.userId}`])).toEqual([]);
          expect(await referencesLeavingAccount(harness.db, fresh.userId)).toEqual([]);
        },
      );

      it("clears an audit log's links to the victim's conversation and entity (counted), attaching nothing", async () => {
        const archive = clone(sourceArchive);
        Object.assign(archive.data.auditLogs![0]!, {
          conversationId: victimRow("conversations").id,
          entityId: victimRow("tasks").id,
          entityType: "task",
        });
        const fresh = await signUp(harness, "audit-links");
        const response = await fresh.request("POST", "/me/import", archive);
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        expect(response.body.cleared).toMatchObject({
          "auditLogs.conversationId": 1,
          "auditLogs.entityId": 1,
        });
        const logs = await harness.db.auditLog.findMany({ where: { userId: fresh.userId } });
        expect(
          logs.some(
            (log) => log.conversationId === victimRow("conversations").id || log.entityId === victimRow("tasks").id,
          ),
        ).toBe(false);
        expect(logs.every((log) => log.sessionId === null)).toBe(true);
        expect(await referencesLeavingAccount(harness.db, fresh.userId)).toEqual([]);
      });
    });
  },
);
