// The rules the database itself enforces (docs/domain.md, prisma/schema, the hand-written part of
// the init migration), checked on both targets through the Prisma client and its typed errors:
// uniqueness, cascades, CHECKs, the append-only audit log, polymorphic clean-up, soft delete.
import { createHash, randomBytes, randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Db } from "../src/client.ts";
import { ConflictError, DbError, NotFoundError, toDbError, withDbErrors, type DbErrorCode } from "../src/errors.ts";
import { scopedIds } from "../src/seed/context.ts";
import {
  DEMO_USER,
  FIXTURE_EMBEDDING_MODEL,
  FRIEND_USER,
  fixtureEmbedding,
  seedId,
  seedUserData,
  type SeedUser,
} from "../src/seed/index.ts";
import { createSecretBox } from "../src/secrets.ts";
import { testTargets, type TestDatabase } from "../src/testing/index.ts";
import { contentHash, upsertEmbedding } from "../src/vector.ts";

// A fixed "now" keeps seeded values (story period, report windows) predictable.
const NOW = new Date("2026-03-15T10:00:00.000Z");
// Seeding encrypts OAuth tokens; a throwaway key keeps the test from touching the workspace's key file.
const secrets = createSecretBox(randomBytes(32));

const seedUser = (name: string): SeedUser => ({
  id: seedId(`rules-user:${name}`),
  email: `${name}@rules.cto.test`,
  name,
});
const ALICE = seedUser("alice");
const BOB = seedUser("bob");
/** The users whose datasets every test may read but no test deletes. */
const BASELINE_USERS = [DEMO_USER, FRIEND_USER, ALICE, BOB];

const demo = scopedIds(DEMO_USER);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const SHARED_TOKEN_HASH = sha256("shared link token");
const alice = scopedIds(ALICE);

/** The typed error `operation` fails with (through `withDbErrors`); fails the test when it succeeds. */
const failure = async (operation: () => Promise<unknown>): Promise<DbError> => {
  let thrown: unknown;
  try {
    await withDbErrors(operation);
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error("expected the database to refuse the operation, but it succeeded");
  expect(thrown, `not a typed database error: ${String(thrown)}`).toBeInstanceOf(DbError);
  return thrown as DbError;
};

const expectRefused = async (operation: () => Promise<unknown>, code: DbErrorCode, mentions?: string) => {
  const error = await failure(operation);
  expect(error.code).toBe(code);
  if (mentions) expect(error.message).toContain(mentions);
  return error;
};

describe.each(testTargets())("database rules on $name", (target) => {
  let database: TestDatabase;
  let db: Db;
  /** The tables' owner: the triggers below must refuse even it (the app's role is refused sooner, by its grants). */
  let owner: Db;
  let pool: pg.Pool;

  const sql = async <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await pool.query<R>(text, params)).rows;
  const count = async (text: string, params: unknown[] = []) =>
    Number((await sql<{ n: string }>(`SELECT count(*)::text AS n FROM (${text}) AS q`, params))[0]!.n);

  /** A full dataset for a new pair of users, for tests that delete things. */
  const seedFreshPair = async (tag: string) => {
    const user = seedUser(tag);
    const friend = seedUser(`${tag}-friend`);
    await seedUserData(db, { user, friend, now: NOW, secrets });
    return { user, friend, id: scopedIds(user), friendId: scopedIds(friend) };
  };

  /** A bare user, for rows that must not collide with a seeded user's own unique rows. */
  const createBareUser = async () => db.user.create({ data: { email: `bare-${randomUUID()}@rules.cto.test` } });

  beforeAll(async () => {
    database = await target.createMigrated();
    // No error logging: most tests here provoke database errors on purpose.
    db = createDb({ url: database.url, log: [] });
    owner = createDb({ url: database.url, log: [], role: null });
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    await seedUserData(db, { now: NOW, secrets });
    await seedUserData(db, { user: ALICE, friend: BOB, now: NOW, secrets });
  });

  afterAll(async () => {
    await pool?.end();
    await db?.$disconnect();
    await owner?.$disconnect();
    await database?.drop();
  });

  it("has the two seeded pairs to test against", async () => {
    expect(await db.user.count({ where: { id: { in: BASELINE_USERS.map((u) => u.id) } } })).toBe(4);
    for (const user of [DEMO_USER, ALICE]) expect(await db.person.count({ where: { userId: user.id } })).toBe(3);
  });

  // ---------------------------------------------------------------------------------------------
  // Uniqueness: each duplicate surfaces as a ConflictError naming the unique index that fired.
  // ---------------------------------------------------------------------------------------------
  describe("uniqueness", () => {
    const cases: {
      rule: string;
      index: string | string[];
      duplicate: () => Promise<unknown>;
      before?: () => Promise<unknown>;
    }[] = [
      {
        rule: "user email",
        index: "users_email_key",
        duplicate: () => db.user.create({ data: { email: DEMO_USER.email, name: "Impostor" } }),
      },
      {
        rule: "one like per (user, post)",
        index: "likes_user_id_post_id_key",
        duplicate: () =>
          db.like.create({ data: { userId: DEMO_USER.id, postId: scopedIds(FRIEND_USER)("post:talk") } }),
      },
      {
        rule: "one story per (user, period)",
        index: "stories_user_id_period_key",
        duplicate: () =>
          db.story.create({
            data: { userId: DEMO_USER.id, period: NOW.toISOString().slice(0, 7), content: "Another story" },
          }),
      },
      {
        rule: "one message interaction per (user, message, type)",
        index: "message_interactions_user_id_analysis_message_id_type_key",
        duplicate: () =>
          db.messageInteraction.create({
            data: { userId: DEMO_USER.id, analysisMessageId: demo("analysis-message:ai-1"), type: "LIKED" },
          }),
      },
      {
        rule: "one telegram connection per user",
        index: "telegram_connections_user_id_key",
        duplicate: () => db.telegramConnection.create({ data: { userId: DEMO_USER.id } }),
      },
      {
        rule: "one telegram connection per chat id",
        index: "telegram_connections_telegram_chat_id_key",
        duplicate: async () =>
          db.telegramConnection.create({
            data: { userId: (await createBareUser()).id, telegramChatId: `demo-chat-${DEMO_USER.id.slice(0, 8)}` },
          }),
      },
      {
        rule: "one telegram connection per connection token",
        index: "telegram_connections_connection_token_key",
        before: async () =>
          db.telegramConnection.create({
            data: {
              userId: (await createBareUser()).id,
              connectionToken: SHARED_TOKEN_HASH,
              connectionTokenExpiresAt: NOW,
            },
          }),
        duplicate: async () =>
          db.telegramConnection.create({
            data: {
              userId: (await createBareUser()).id,
              connectionToken: SHARED_TOKEN_HASH,
              connectionTokenExpiresAt: NOW,
            },
          }),
      },
      {
        rule: "one embedding per (user, owner kind, owner, chunk)",
        index: "embeddings_user_id_owner_kind_owner_id_chunk_index_key",
        duplicate: () =>
          db.embedding.create({
            data: {
              userId: DEMO_USER.id,
              ownerKind: "GOAL",
              ownerId: demo("goal:delegate"),
              chunkIndex: 0,
              content: "again",
              contentHash: contentHash("again"),
              model: FIXTURE_EMBEDDING_MODEL,
              dimension: 1536,
            },
          }),
      },
      {
        rule: "knowledge chunk id",
        index: "knowledge_chunks_chunk_id_key",
        before: () =>
          db.knowledgeChunk.create({
            data: {
              chunkId: "rules_chunk_001",
              version: "1.0.0",
              source: "TEST",
              textContent: "a",
              embeddingText: "a",
            },
          }),
        duplicate: () =>
          db.knowledgeChunk.create({
            data: {
              chunkId: "rules_chunk_001",
              version: "2.0.0",
              source: "TEST",
              textContent: "b",
              embeddingText: "b",
            },
          }),
      },
      {
        rule: "person (user, email)",
        index: "persons_user_id_email_key",
        duplicate: () =>
          db.person.create({ data: { userId: DEMO_USER.id, name: "Priya S.", email: "priya@example.com" } }),
      },
      {
        rule: "entity relationship (user, source, target, relationship)",
        index: "entity_relationships_user_source_target_relationship_key",
        duplicate: () =>
          db.entityRelationship.create({
            data: {
              userId: DEMO_USER.id,
              sourceType: "PERSON",
              sourceId: demo("person:priya"),
              targetType: "PERSON",
              targetId: demo("person:marco"),
              relationship: "reports_to",
              strength: 3,
            },
          }),
      },
      {
        rule: "reminder schedule (queue, job id)",
        index: "reminder_schedules_queue_name_job_id_key",
        duplicate: () =>
          db.reminderSchedule.create({
            data: { userId: ALICE.id, kind: "REPORT", queueName: "reports", jobId: `report.${DEMO_USER.id}.SEVEN_DAY` },
          }),
      },
      {
        rule: "proactive message dedupe key",
        index: "proactive_messages_dedupe_key_key",
        duplicate: () =>
          db.proactiveMessage.create({
            data: { userId: ALICE.id, content: "Same check-in again", dedupeKey: `checkin:${DEMO_USER.id}:retro` },
          }),
      },
      {
        rule: "verification token (identifier, token)",
        // `token` is unique on its own too (Auth.js shape), so either index may be the one that fires.
        index: ["verification_tokens_identifier_token_key", "verification_tokens_token_key"],
        duplicate: () =>
          db.verificationToken.create({
            data: { identifier: DEMO_USER.email, token: `seed-${demo("verification")}`, expires: NOW },
          }),
      },
    ];

    it.each(cases)("$rule", async ({ index, duplicate, before }) => {
      if (before) await before();
      const error = await failure(duplicate);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.code).toBe("conflict");
      expect([index].flat()).toContain(error.constraint);
    });

    it("toDbError maps a raw unique violation from the client the same way", async () => {
      const raw = await db.user.create({ data: { email: DEMO_USER.email } }).catch((error: unknown) => error);
      expect(raw).not.toBeInstanceOf(DbError);
      const typed = toDbError(raw);
      expect(typed).toBeInstanceOf(ConflictError);
      expect(typed?.code).toBe("conflict");
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Cascades
  // ---------------------------------------------------------------------------------------------
  describe("cascades", () => {
    type TableRule = { table: string; key: string; owned: string };

    /**
     * For every table of the public schema: how to find a user's rows ($1 = user id, $2 = email).
     * A row is the user's when a cascading foreign key leads from it to the user, directly
     * (user_id, author_id) or through its parents (analysis_messages → analysis_sessions,
     * agent_assumptions → audit_logs, assistant messages → conversations, …). Verification tokens
     * have no foreign key (Auth.js shape) and belong to the user by identifier.
     */
    const tableRules = async (): Promise<{ rules: TableRule[]; global: string[] }> => {
      const tables = await sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
      );
      const columns = await sql<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      // The key a row is known by: `id`, else a one-column primary key (totp_factors' user_id); verification_tokens has neither.
      const primaryKeys = await sql<{ table_name: string; column_name: string }>(`
        SELECT c.relname AS table_name, a.attname AS column_name
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
         WHERE i.indisprimary AND i.indnatts = 1 AND n.nspname = 'public'`);
      const foreignKeys = await sql<{ child: string; column: string; parent: string }>(`
        SELECT child.relname AS child, a.attname AS column, parent.relname AS parent
          FROM pg_constraint c
          JOIN pg_class child ON child.oid = c.conrelid
          JOIN pg_class parent ON parent.oid = c.confrelid
          JOIN pg_namespace n ON n.oid = c.connamespace
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND n.nspname = 'public' AND c.confdeltype = 'c' AND cardinality(c.conkey) = 1`);
      const owned = (table: string, depth = 0): string | undefined => {
        if (depth > 5) return undefined;
        const parts: string[] = table === "users" ? [`"id" = $1::uuid`] : [];
        for (const fk of foreignKeys.filter((fk) => fk.child === table && fk.parent !== table)) {
          if (fk.parent === "users") parts.push(`"${fk.column}" = $1::uuid`);
          else {
            const parent = owned(fk.parent, depth + 1);
            if (parent) parts.push(`"${fk.column}" IN (SELECT "id" FROM "${fk.parent}" WHERE ${parent})`);
          }
        }
        if (table === "verification_tokens") parts.push(`"identifier" = $2::text`);
        return parts.length ? parts.map((part) => `(${part})`).join(" OR ") : undefined;
      };
      const rules: TableRule[] = [];
      const global: string[] = [];
      for (const { table_name: table } of tables) {
        const rule = owned(table);
        const hasId = columns.some((c) => c.table_name === table && c.column_name === "id");
        const primaryKey = primaryKeys.find((pk) => pk.table_name === table)?.column_name;
        if (rule) rules.push({ table, owned: rule, key: hasId ? "id" : (primaryKey ?? "token") });
        else global.push(table);
      }
      return { rules, global };
    };

    const rowsOf = async (rules: TableRule[], user: SeedUser) => {
      const result: Record<string, { rows: number; digest: string; keys: string[] }> = {};
      for (const { table, owned, key } of rules) {
        const rows = await sql<{ key: string; row: string }>(
          `SELECT "${key}"::text AS key, t::text AS row FROM "${table}" t WHERE $1::uuid IS NOT NULL AND $2::text IS NOT NULL AND (${owned}) ORDER BY 2`,
          [user.id, user.email],
        );
        result[table] = { rows: rows.length, digest: rows.map((r) => r.row).join("\n"), keys: rows.map((r) => r.key) };
      }
      return result;
    };

    const seedAndDelete = async (tag: string) => {
      const pair = await seedFreshPair(tag);
      const { rules, global } = await tableRules();
      const before = await rowsOf(rules, pair.user);
      const othersBefore = await Promise.all(BASELINE_USERS.map((other) => rowsOf(rules, other)));
      const knowledgeBefore = await count(`SELECT 1 FROM knowledge_chunks`);
      await withDbErrors(() => db.user.delete({ where: { id: pair.user.id } }));
      const after = await rowsOf(rules, pair.user);
      const othersAfter = await Promise.all(BASELINE_USERS.map((other) => rowsOf(rules, other)));
      const knowledgeAfter = await count(`SELECT 1 FROM knowledge_chunks`);
      /** How many of the rows seen before (by primary key) are still in `table`. */
      const surviving = async (table: string) => {
        const { key } = rules.find((rule) => rule.table === table)!;
        return count(`SELECT 1 FROM "${table}" WHERE "${key}"::text = ANY($1::text[])`, [before[table]!.keys]);
      };
      return {
        ...pair,
        rules,
        global,
        before,
        after,
        othersBefore,
        othersAfter,
        knowledgeBefore,
        knowledgeAfter,
        surviving,
      };
    };

    it("deleting a user removes every row of theirs in every table and leaves other users' rows alone", async () => {
      const {
        friend,
        friendId,
        rules,
        global,
        before,
        after,
        othersBefore,
        othersAfter,
        knowledgeBefore,
        knowledgeAfter,
        surviving,
      } = await seedAndDelete("cascade");
      // Only the AI model catalogue and the RAG knowledge base are shared, and the administrators' audit log outlives
      // the accounts it names (ids and role/state changes only); everything else must be reachable from a user.
      expect(global).toEqual(["admin_audit_logs", "ai_models", "knowledge_chunks"]);
      expect(rules.length).toBeGreaterThanOrEqual(37);

      const empty = Object.entries(before)
        .filter(([, { rows }]) => rows === 0)
        .map(([table]) => table);
      expect(empty, "the seeded user has rows in every table").toEqual([]);

      const left = Object.entries(after)
        .filter(([, { rows }]) => rows > 0)
        .map(([table, { rows }]) => `${table}: ${rows}`);
      expect(left, "rows of the deleted user still found").toEqual([]);
      // The very rows seen before are gone (by key), not just no longer reachable from the user.
      for (const { table } of rules) expect(await surviving(table), `${table} rows survived`).toBe(0);

      expect(othersAfter).toEqual(othersBefore);
      expect(knowledgeAfter).toBe(knowledgeBefore);

      // The friend keeps their account and post; their like and reply on the deleted user's post went with it.
      expect(await db.user.findUnique({ where: { id: friend.id } })).not.toBeNull();
      expect(await db.post.findUnique({ where: { id: friendId("post:talk") } })).not.toBeNull();
      expect(await db.like.count({ where: { userId: friend.id } })).toBe(0);
      expect(await db.reply.count({ where: { authorId: friend.id } })).toBe(0);
    });

    // verification_tokens keeps the Auth.js shape (no user foreign key); a trigger on users removes them.
    it("deleting a user removes their verification tokens", async () => {
      const { before, after, surviving } = await seedAndDelete("cascade-tokens");
      expect(before.verification_tokens!.rows).toBeGreaterThan(0);
      expect(after.verification_tokens!.rows).toBe(0);
      expect(await surviving("verification_tokens")).toBe(0);
    });

    it("deleting a conversation deletes its messages, their AI responses and MESSAGE embeddings", async () => {
      const { user, id } = await seedFreshPair("conversation");
      const conversationId = id("conversation:delegation");
      await upsertEmbedding(db, {
        userId: user.id,
        ownerKind: "CONVERSATION",
        ownerId: conversationId,
        content: "Delegating the release",
        model: FIXTURE_EMBEDDING_MODEL,
        embed: fixtureEmbedding,
      });
      const messageIds = (await db.message.findMany({ where: { conversationId }, select: { id: true } })).map(
        (m) => m.id,
      );
      expect(messageIds).toHaveLength(4);
      expect(await db.aiResponse.count({ where: { messageId: { in: messageIds } } })).toBe(2);
      expect(await db.embedding.count({ where: { ownerKind: "MESSAGE", ownerId: { in: messageIds } } })).toBe(2);
      const otherMessageEmbeddings = await db.embedding.count({
        where: { ownerKind: "MESSAGE", userId: { not: user.id } },
      });
      expect(otherMessageEmbeddings).toBeGreaterThan(0);

      await withDbErrors(() => db.conversation.delete({ where: { id: conversationId } }));

      expect(await db.message.count({ where: { id: { in: messageIds } } })).toBe(0);
      expect(await db.aiResponse.count({ where: { messageId: { in: messageIds } } })).toBe(0);
      expect(await db.embedding.count({ where: { ownerKind: "MESSAGE", ownerId: { in: messageIds } } })).toBe(0);
      expect(await db.embedding.count({ where: { ownerKind: "CONVERSATION", ownerId: conversationId } })).toBe(0);
      expect(await db.embedding.count({ where: { ownerKind: "MESSAGE", userId: { not: user.id } } })).toBe(
        otherMessageEmbeddings,
      );
      // Rows that only point at the conversation stay, unlinked.
      expect(await db.insight.findUnique({ where: { id: id("insight:mornings") } })).toMatchObject({
        conversationId: null,
      });
      expect(await db.embedding.count({ where: { ownerKind: "INSIGHT", ownerId: id("insight:mornings") } })).toBe(1);
      expect(await db.emotion.findUnique({ where: { id: id("emotion:1") } })).toMatchObject({ conversationId: null });
    });

    it("deleting a goal deletes its commitments (and their schedules)", async () => {
      const { user, id } = await seedFreshPair("goal");
      const goalId = id("goal:delegate");
      expect(await db.commitment.count({ where: { goalId } })).toBe(2);
      const commitmentsBefore = await db.commitment.count({ where: { userId: user.id } });
      const notice = await db.proactiveMessage.create({
        data: { userId: user.id, content: "Reminder: the checklist", commitmentId: id("commitment:checklist") },
      });

      await withDbErrors(() => db.goal.delete({ where: { id: goalId } }));

      expect(await db.commitment.count({ where: { goalId } })).toBe(0);
      expect(await db.commitment.findUnique({ where: { id: id("commitment:checklist") } })).toBeNull();
      expect(await db.commitment.count({ where: { userId: user.id } })).toBe(commitmentsBefore - 2);
      expect(await db.reminderSchedule.findUnique({ where: { id: id("schedule:checklist") } })).toBeNull();
      expect(await db.embedding.count({ where: { ownerKind: "GOAL", ownerId: goalId } })).toBe(0);
      // A message about the commitment stays, unlinked.
      expect(await db.proactiveMessage.findUnique({ where: { id: notice.id } })).toMatchObject({ commitmentId: null });
    });

    it("deleting a parent task deletes its subtasks", async () => {
      const { id } = await seedFreshPair("task");
      const parentId = id("task:checklist");
      expect(await db.task.count({ where: { parentId } })).toBe(2);

      await withDbErrors(() => db.task.delete({ where: { id: parentId } }));

      expect(
        await db.task.count({
          where: { id: { in: [parentId, id("task:checklist:steps"), id("task:checklist:rollback")] } },
        }),
      ).toBe(0);
      expect(await db.task.findUnique({ where: { id: id("task:agenda") } })).not.toBeNull();
      expect(await db.deadline.findUnique({ where: { id: id("deadline:checklist") } })).toMatchObject({ taskId: null });
    });

    it("deleting a place sets events.place_id to null", async () => {
      const { id } = await seedFreshPair("place");
      const placeId = id("place:office");
      expect(await db.event.findUnique({ where: { id: id("event:dry-run") } })).toMatchObject({ placeId });

      await withDbErrors(() => db.place.delete({ where: { id: placeId } }));

      expect(await db.event.findUnique({ where: { id: id("event:dry-run") } })).toMatchObject({ placeId: null });
      expect(await db.entityRelationship.findUnique({ where: { id: id("rel:dry-run-office") } })).toBeNull();
    });
  });

  // ---------------------------------------------------------------------------------------------
  // CHECK constraints: rejected just outside the range, accepted at its edges.
  // ---------------------------------------------------------------------------------------------
  describe("checks", () => {
    let sequence = 0;
    const next = () => ++sequence;
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    const later = (ms: number) => new Date(NOW.getTime() + ms);

    const cases: {
      rule: string;
      constraint: string;
      rejected: (string | number)[];
      accepted: (string | number)[];
      create: (value: never) => Promise<unknown>;
    }[] = [
      {
        rule: "emotion intensity 1–10",
        constraint: "emotions_intensity_check",
        rejected: [0, 11],
        accepted: [1, 10],
        create: (intensity: number) =>
          db.emotion.create({ data: { userId: DEMO_USER.id, label: "test", valence: "NEUTRAL", intensity } }),
      },
      {
        rule: "energy level 1–10",
        constraint: "energy_metrics_level_check",
        rejected: [0, 11],
        accepted: [1, 10],
        create: (level: number) => db.energyMetric.create({ data: { userId: DEMO_USER.id, level } }),
      },
      {
        rule: "consistency score 0–100",
        constraint: "consistency_metrics_score_check",
        rejected: ["-0.01", "100.01"],
        accepted: ["0", "100"],
        create: (score: string) =>
          db.consistencyMetric.create({
            data: { userId: DEMO_USER.id, windowDays: 7, score, periodStart: NOW, periodEnd: later(60_000 * next()) },
          }),
      },
      {
        rule: "goal progress 0–100",
        constraint: "goals_progress_check",
        rejected: [-1, 101],
        accepted: [0, 100],
        create: (progress: number) =>
          db.goal.create({ data: { userId: DEMO_USER.id, title: "Test goal", period: "DAILY", progress } }),
      },
      {
        rule: "person importance 1–10",
        constraint: "persons_importance_check",
        rejected: [0, 11],
        accepted: [1, 10],
        create: (importance: number) =>
          db.person.create({ data: { userId: DEMO_USER.id, name: "Test person", importance } }),
      },
      {
        rule: "deadline importance 1–10",
        constraint: "deadlines_importance_check",
        rejected: [0, 11],
        accepted: [1, 10],
        create: (importance: number) =>
          db.deadline.create({ data: { userId: DEMO_USER.id, title: "Test deadline", dueAt: NOW, importance } }),
      },
      {
        rule: "relationship strength 1–10",
        constraint: "entity_relationships_strength_check",
        rejected: [0, 11],
        accepted: [1, 10],
        create: (strength: number) =>
          db.entityRelationship.create({
            data: {
              userId: DEMO_USER.id,
              sourceType: "PERSON",
              sourceId: randomUUID(),
              targetType: "TASK",
              targetId: randomUUID(),
              relationship: "test",
              strength,
            },
          }),
      },
      {
        rule: "assumption confidence 0–1",
        constraint: "agent_assumptions_confidence_check",
        rejected: ["-0.01", "1.01"],
        accepted: ["0", "1"],
        create: (confidence: string) =>
          db.agentAssumption.create({
            data: {
              auditLogId: demo("audit:create-commitment"),
              assumption: "Test",
              category: "inference",
              evidence: {},
              confidence,
            },
          }),
      },
      {
        rule: "report period_end > period_start",
        constraint: "reports_period_check",
        // The value is period_end minus period_start, in milliseconds.
        rejected: [0, -1],
        accepted: [2 * DAY],
        create: (length: number) => {
          const periodStart = later(DAY * next());
          return db.report.create({
            data: {
              userId: DEMO_USER.id,
              type: "TWO_DAY",
              periodStart,
              periodEnd: new Date(periodStart.getTime() + length),
              payload: {},
            },
          });
        },
      },
      {
        // Its days exactly (scheduled), more than a day fewer (on demand, ending inside the last day), three
        // hours either way for clock changes.
        rule: "report span matches its type",
        constraint: "reports_span_check",
        rejected: [
          "TWO_DAY 1",
          `TWO_DAY ${DAY - 3 * HOUR}`,
          `TWO_DAY ${2 * DAY + 3 * HOUR + 1}`,
          `TWO_DAY ${7 * DAY}`,
          `SEVEN_DAY ${2 * DAY}`,
          `SEVEN_DAY ${6 * DAY - 3 * HOUR}`,
          `TWENTY_ONE_DAY ${7 * DAY}`,
          `TWENTY_ONE_DAY ${22 * DAY}`,
        ],
        accepted: [
          `TWO_DAY ${2 * DAY}`,
          `TWO_DAY ${DAY + 1}`,
          `TWO_DAY ${2 * DAY - HOUR}`,
          `TWO_DAY ${2 * DAY + HOUR}`,
          `SEVEN_DAY ${7 * DAY}`,
          `SEVEN_DAY ${6 * DAY - 2 * HOUR}`,
          `TWENTY_ONE_DAY ${21 * DAY}`,
          `TWENTY_ONE_DAY ${20 * DAY + 1}`,
        ],
        create: (value: string) => {
          const [type, length] = value.split(" ") as ["TWO_DAY" | "SEVEN_DAY" | "TWENTY_ONE_DAY", string];
          const periodStart = later(DAY * next());
          return db.report.create({
            data: {
              userId: DEMO_USER.id,
              type,
              periodStart,
              periodEnd: new Date(periodStart.getTime() + Number(length)),
              payload: {},
            },
          });
        },
      },
      {
        rule: "knowledge chunk phase 1–4",
        constraint: "knowledge_chunks_phase_check",
        rejected: [0, 5, -1, 2_147_483_647],
        accepted: [1, 4],
        create: (phase: number) =>
          db.knowledgeChunk.create({
            data: {
              chunkId: `rules_phase_${next()}`,
              version: "1.0.0",
              source: "TEST",
              textContent: "a",
              embeddingText: "a",
              phase,
            },
          }),
      },
      {
        rule: "achievement score ≥ 0",
        constraint: "users_achievement_score_check",
        rejected: [-1, -2_147_483_648],
        accepted: [0, 2_147_483_647],
        create: (achievementScore: number) =>
          db.user.create({ data: { email: `score-${next()}@rules.cto.test`, achievementScore } }),
      },
      {
        rule: "place latitude −90…90",
        constraint: "places_latitude_check",
        rejected: ["90.00000001", "-90.00000001"],
        accepted: ["90", "-90"],
        create: (latitude: string) => db.place.create({ data: { userId: DEMO_USER.id, name: "Test place", latitude } }),
      },
    ];

    it.each(cases)("$rule", async ({ constraint, rejected, accepted, create }) => {
      for (const value of rejected) {
        const error = await expectRefused(() => create(value as never), "constraint_violation", constraint);
        expect(error).toBeInstanceOf(DbError);
        // The error names the check and carries PostgreSQL's words, not Prisma's invocation trace.
        expect(error.constraint).toBe(constraint);
        expect(error.message).not.toContain("invocation");
      }
      for (const value of accepted) await expect(withDbErrors(() => create(value as never))).resolves.toBeDefined();
    });

    it("an embedding's dimension is its vector's length", async () => {
      const insert = (dimension: number, vector: number[] | null) =>
        db.$executeRaw`INSERT INTO embeddings (user_id, owner_kind, owner_id, chunk_index, content, content_hash, model, dimension, embedding, updated_at)
          VALUES (${DEMO_USER.id}::uuid, 'GOAL', ${randomUUID()}::uuid, 0, 'x', ${sha256(`x${next()}`)}, 'test', ${dimension}, ${vector ? `[${vector.join(",")}]` : null}::vector, now())`;
      const vector = Array.from({ length: 1536 }, (_, i) => (i % 7) - 3);
      for (const dimension of [0, 768, 1535, 3072])
        await expectRefused(() => insert(dimension, vector), "constraint_violation", "embeddings_dimension_check");
      await expectRefused(() => insert(0, null), "constraint_violation", "embeddings_dimension_check");
      await expect(withDbErrors(() => insert(1536, vector))).resolves.toBe(1);
      await expect(withDbErrors(() => insert(1536, null))).resolves.toBe(1);
    });

    describe("Telegram link tokens are single-use by the data", () => {
      const linkable = async () => {
        const user = await createBareUser();
        const token = sha256(`link ${user.id}`);
        await db.telegramConnection.create({
          data: { userId: user.id, connectionToken: token, connectionTokenExpiresAt: later(900_000) },
        });
        return { user, token };
      };

      it("linking must clear the token: an active connection holds none", async () => {
        const { user, token } = await linkable();
        const chat = { telegramChatId: `chat-${user.id}`, isActive: true, connectedAt: NOW };
        // A claim that forgets to clear the token is refused, so the token could never link twice.
        await expectRefused(
          () => db.telegramConnection.updateMany({ where: { connectionToken: token }, data: chat }),
          "constraint_violation",
          "telegram_connections_token_unused_check",
        );
        expect(await db.telegramConnection.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
          isActive: false,
          connectionToken: token,
        });
        // The claim as the API makes it: link and clear in one conditional update.
        const claim = () =>
          db.telegramConnection.updateMany({
            where: { connectionToken: token, connectionTokenExpiresAt: { gt: NOW } },
            data: { ...chat, connectionToken: null, connectionTokenExpiresAt: null },
          });
        expect(await withDbErrors(claim)).toEqual({ count: 1 });
        expect(await withDbErrors(claim)).toEqual({ count: 0 });
        // A linked connection cannot be handed a token either; an inactive one (blocked bot) can.
        const reissue = { connectionToken: sha256(`again ${user.id}`), connectionTokenExpiresAt: later(900_000) };
        await expectRefused(
          () => db.telegramConnection.update({ where: { userId: user.id }, data: reissue }),
          "constraint_violation",
          "telegram_connections_token_unused_check",
        );
        await db.telegramConnection.update({ where: { userId: user.id }, data: { isActive: false } });
        await expect(
          withDbErrors(() => db.telegramConnection.update({ where: { userId: user.id }, data: reissue })),
        ).resolves.toMatchObject(reissue);
      });

      it("a token comes with its expiry, and only as a SHA-256 hash", async () => {
        const userId = (await createBareUser()).id;
        await expectRefused(
          () => db.telegramConnection.create({ data: { userId, connectionToken: sha256("no expiry") } }),
          "constraint_violation",
          "telegram_connections_token_expiry_check",
        );
        await expectRefused(
          () => db.telegramConnection.create({ data: { userId, connectionTokenExpiresAt: NOW } }),
          "constraint_violation",
          "telegram_connections_token_expiry_check",
        );
        for (const raw of [
          "k3y-the-user-was-given_base64url-43-chars-xx",
          sha256("upper").toUpperCase(),
          `${sha256("long")}0`,
          "",
        ])
          await expectRefused(
            () =>
              db.telegramConnection.create({ data: { userId, connectionToken: raw, connectionTokenExpiresAt: NOW } }),
            "constraint_violation",
            "telegram_connections_token_hash_check",
          );
        expect(await db.telegramConnection.count({ where: { userId } })).toBe(0);
      });
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Append-only audit log
  // ---------------------------------------------------------------------------------------------
  describe("append-only audit log", () => {
    const auditId = demo("audit:create-commitment");

    it("refuses UPDATE and DELETE, even to the tables' owner", async () => {
      const before = await db.auditLog.findUniqueOrThrow({ where: { id: auditId } });
      await expectRefused(
        () => owner.auditLog.update({ where: { id: auditId }, data: { status: "tampered" } }),
        "append_only",
        "audit_logs is append-only",
      );
      await expectRefused(
        () => owner.auditLog.updateMany({ where: { userId: DEMO_USER.id }, data: { outputSummary: "tampered" } }),
        "append_only",
      );
      await expectRefused(
        () => owner.auditLog.delete({ where: { id: auditId } }),
        "append_only",
        "audit_logs is append-only",
      );
      await expectRefused(() => owner.auditLog.deleteMany({ where: { userId: DEMO_USER.id } }), "append_only");
      expect(await db.auditLog.findUniqueOrThrow({ where: { id: auditId } })).toEqual(before);
    });

    it("refuses TRUNCATE, even to the tables' owner", async () => {
      const rows = await count(`SELECT 1 FROM audit_logs`);
      expect(rows).toBeGreaterThan(0);
      // Plain TRUNCATE is already stopped by agent_assumptions' foreign key; with CASCADE the trigger refuses.
      await expect(owner.$executeRawUnsafe(`TRUNCATE audit_logs`)).rejects.toThrow();
      await expectRefused(
        () => owner.$executeRawUnsafe(`TRUNCATE audit_logs CASCADE`),
        "append_only",
        "audit_logs is append-only",
      );
      await expectRefused(
        () => owner.$executeRawUnsafe(`TRUNCATE agent_assumptions`),
        "append_only",
        "agent_assumptions is append-only",
      );
      expect(await count(`SELECT 1 FROM audit_logs`)).toBe(rows);
    });

    it("lets only the verification fields of an agent assumption change", async () => {
      const id = demo("assumption:owner");
      const verifiedAt = new Date(NOW.getTime() + 3_600_000);
      const updated = await withDbErrors(() =>
        db.agentAssumption.update({
          where: { id },
          data: { verified: false, verifiedAt, verifiedBy: "user", correction: "Priya writes it; I review." },
        }),
      );
      expect(updated).toMatchObject({
        verified: false,
        verifiedAt,
        verifiedBy: "user",
        correction: "Priya writes it; I review.",
      });

      await expectRefused(
        () => owner.agentAssumption.update({ where: { id }, data: { assumption: "Rewritten history" } }),
        "append_only",
        "agent_assumptions is append-only",
      );
      await expectRefused(
        () => owner.agentAssumption.update({ where: { id }, data: { category: "preference" } }),
        "append_only",
      );
      await expectRefused(
        () => owner.agentAssumption.update({ where: { id }, data: { confidence: "0.99" } }),
        "append_only",
      );
      await expectRefused(
        () => owner.agentAssumption.delete({ where: { id } }),
        "append_only",
        "agent_assumptions is append-only",
      );
      expect(await db.agentAssumption.findUniqueOrThrow({ where: { id } })).toMatchObject({
        assumption: "The user writes the checklist, not Priya",
        category: "intent",
        verifiedBy: "user",
      });
    });

    it("still lets the user be deleted, taking the audit rows with it", async () => {
      const { user, id } = await seedFreshPair("audit");
      const auditIds = (await db.auditLog.findMany({ where: { userId: user.id }, select: { id: true } })).map(
        (row) => row.id,
      );
      expect(auditIds).toEqual([id("audit:create-commitment")]);
      expect(await db.agentAssumption.count({ where: { auditLogId: { in: auditIds } } })).toBe(2);

      await withDbErrors(() => db.user.delete({ where: { id: user.id } }));

      expect(await db.auditLog.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.agentAssumption.count({ where: { auditLogId: { in: auditIds } } })).toBe(0);
      expect(await db.auditLog.count({ where: { id: auditId } })).toBe(1);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Polymorphic clean-up
  // ---------------------------------------------------------------------------------------------
  it("hard-deleting a person removes its PERSON embeddings and every relationship it is an end of", async () => {
    const { user, id } = await seedFreshPair("person");
    const priya = id("person:priya");
    // A second chunk, and a relationship with the person as target.
    await upsertEmbedding(db, {
      userId: user.id,
      ownerKind: "PERSON",
      ownerId: priya,
      chunkIndex: 1,
      content: "Priya likes written checklists.",
      model: FIXTURE_EMBEDDING_MODEL,
      embed: fixtureEmbedding,
    });
    await db.entityRelationship.create({
      data: {
        userId: user.id,
        sourceType: "TASK",
        sourceId: id("task:agenda"),
        targetType: "PERSON",
        targetId: priya,
        relationship: "mentions",
      },
    });
    const ends = {
      OR: [
        { sourceType: "PERSON" as const, sourceId: priya },
        { targetType: "PERSON" as const, targetId: priya },
      ],
    };
    expect(await db.embedding.count({ where: { ownerKind: "PERSON", ownerId: priya } })).toBe(2);
    expect(await db.entityRelationship.count({ where: { ...ends, targetId: priya } })).toBe(1);
    expect(await db.entityRelationship.count({ where: ends })).toBe(4);
    const demoPersonEmbeddings = await db.embedding.count({ where: { ownerKind: "PERSON", userId: DEMO_USER.id } });
    expect(demoPersonEmbeddings).toBeGreaterThan(0);

    await withDbErrors(() => db.person.delete({ where: { id: priya } }));

    expect(await db.embedding.count({ where: { ownerKind: "PERSON", ownerId: priya } })).toBe(0);
    expect(await db.entityRelationship.count({ where: ends })).toBe(0);
    // Everything else stays.
    expect(await db.entityRelationship.findUnique({ where: { id: id("rel:dry-run-office") } })).not.toBeNull();
    expect(await db.embedding.count({ where: { ownerKind: "TASK", ownerId: id("task:checklist") } })).toBe(1);
    expect(await db.person.findUnique({ where: { id: id("person:marco") } })).not.toBeNull();
    expect(await db.task.findUnique({ where: { id: id("task:checklist") } })).toMatchObject({ assignedToId: null });
    expect(await db.embedding.count({ where: { ownerKind: "PERSON", userId: DEMO_USER.id } })).toBe(
      demoPersonEmbeddings,
    );
  });

  // ---------------------------------------------------------------------------------------------
  // Soft delete (src/soft-delete.ts through createDb's client)
  // ---------------------------------------------------------------------------------------------
  describe("soft delete", () => {
    type Delegate = {
      findMany: (args: object) => Promise<{ id: string }[]>;
      findFirst: (args: object) => Promise<{ id: string } | null>;
      findUnique: (args: object) => Promise<{ id: string } | null>;
      count: (args: object) => Promise<number>;
      update: (args: object) => Promise<unknown>;
    };
    const cases = [
      {
        model: "Person",
        table: "persons",
        rowId: alice("person:lena"),
        delegate: () => db.person as unknown as Delegate,
      },
      { model: "Task", table: "tasks", rowId: alice("task:agenda"), delegate: () => db.task as unknown as Delegate },
      {
        model: "AnalysisSession",
        table: "analysis_sessions",
        rowId: alice("analysis:text"),
        delegate: () => db.analysisSession as unknown as Delegate,
      },
    ];

    it.each(cases)(
      "normal reads exclude a soft-deleted $model; the trash finds it; restoring brings it back",
      async ({ table, rowId, delegate }) => {
        const model = delegate();
        const userId = ALICE.id;
        const ids = async (where: object = {}) =>
          (await model.findMany({ where: { userId, ...where } })).map((row) => row.id);
        const liveInDb = async () =>
          count(`SELECT 1 FROM "${table}" WHERE user_id = $1 AND deleted_at IS NULL`, [userId]);

        expect(await ids()).toContain(rowId);
        const liveBefore = await model.count({ where: { userId } });
        expect(liveBefore).toBe(await liveInDb());

        await model.update({ where: { id: rowId }, data: { deletedAt: NOW } });
        expect(await count(`SELECT 1 FROM "${table}" WHERE id = $1 AND deleted_at IS NOT NULL`, [rowId])).toBe(1);

        expect(await ids()).not.toContain(rowId);
        expect(await model.findFirst({ where: { id: rowId } })).toBeNull();
        expect(await model.findUnique({ where: { id: rowId } })).toBeNull();
        expect(await model.count({ where: { userId } })).toBe(liveBefore - 1);
        expect(await model.count({ where: { userId } })).toBe(await liveInDb());
        // The trash: naming deletedAt takes control.
        expect(await ids({ deletedAt: { not: null } })).toContain(rowId);
        expect(await model.findFirst({ where: { id: rowId, deletedAt: { not: null } } })).toMatchObject({ id: rowId });
        expect(await model.findUnique({ where: { id: rowId, deletedAt: { not: null } } })).toMatchObject({ id: rowId });

        await model.update({ where: { id: rowId }, data: { deletedAt: null } });
        expect(await ids()).toContain(rowId);
        expect(await model.findUnique({ where: { id: rowId } })).toMatchObject({ id: rowId });
        expect(await model.count({ where: { userId } })).toBe(liveBefore);
        expect(await ids({ deletedAt: { not: null } })).not.toContain(rowId);
      },
    );

    it("hides the seeded, already trashed analysis session", async () => {
      const trashed = alice("analysis:trashed");
      expect(await count(`SELECT 1 FROM analysis_sessions WHERE id = $1`, [trashed])).toBe(1);
      expect(await db.analysisSession.findUnique({ where: { id: trashed } })).toBeNull();
      expect((await db.analysisSession.findMany({ where: { userId: ALICE.id } })).map((s) => s.id)).not.toContain(
        trashed,
      );
    });

    it("leaves models without deletedAt alone", async () => {
      const inDb = await count(`SELECT 1 FROM goals WHERE user_id = $1`, [ALICE.id]);
      expect(inDb).toBeGreaterThan(0);
      expect(await db.goal.findMany({ where: { userId: ALICE.id } })).toHaveLength(inDb);
      expect(await db.goal.count({ where: { userId: ALICE.id } })).toBe(inDb);
      expect(await db.goal.findUnique({ where: { id: alice("goal:delegate") } })).toMatchObject({
        id: alice("goal:delegate"),
      });
      expect(
        await db.goal.findFirst({ where: { userId: ALICE.id, title: "Delegate the release process" } }),
      ).toMatchObject({ id: alice("goal:delegate") });
      expect(await db.conversation.count({ where: { userId: ALICE.id } })).toBe(
        await count(`SELECT 1 FROM conversations WHERE user_id = $1`, [ALICE.id]),
      );
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Typed errors
  // ---------------------------------------------------------------------------------------------
  describe("typed errors", () => {
    it("update of a missing row is a NotFoundError", async () => {
      const error = await failure(() => db.goal.update({ where: { id: randomUUID() }, data: { title: "Nobody" } }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.code).toBe("not_found");
    });

    it("a foreign key to a missing user is an invalid reference", async () => {
      const error = await expectRefused(
        () => db.goal.create({ data: { userId: randomUUID(), title: "Orphan", period: "DAILY" } }),
        "invalid_reference",
      );
      expect(error.constraint).toBe("goals_user_id_fkey");
    });
  });
});
