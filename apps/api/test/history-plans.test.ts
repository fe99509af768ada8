import pg from "pg";
import { describe, expect, it, vi } from "vitest";

import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { aiUsageByModel } from "../src/services/coaching/analytics.ts";
import { listMessages } from "../src/services/coaching/messages.ts";

/**
 * The hot paths over a history of some size keep to their indexes: the statements the services send
 * (captured from the pg driver under Prisma, with their parameters) are EXPLAINed on real PostgreSQL
 * with 60,000 messages and 30,000 AI responses over 300 users, after old months moved to the archive.
 */
type TPlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: TPlanNode[] };
type TStatement = { text: string; values: unknown[] };

const nodesOf = (node: TPlanNode): TPlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** Every statement `work` sends through pg (Prisma's adapter included). */
const captureStatements = async (work: () => Promise<unknown>) => {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    await work();
    return spy.mock.calls.flatMap(([config, values]): TStatement[] => {
      const text = typeof config === "string" ? config : (config as { text?: string } | undefined)?.text;
      const params = Array.isArray(values) ? values : ((config as { values?: unknown[] } | undefined)?.values ?? []);
      return text ? [{ text, values: params }] : [];
    });
  } finally {
    spy.mockRestore();
  }
};

/** For each statement that reads `table`: how its plan reads that table (node types) and the indexes it uses. */
const plansOf = async (url: string, statements: TStatement[], table: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plans: { scans: string[]; indexes: string[]; archived: string[] }[] = [];
    for (const { text, values } of statements.filter(
      (statement) =>
        /^\s*SELECT/i.test(statement.text) &&
        new RegExp(`\\b(FROM|JOIN)\\s+("public"\\.)?"?${table}\\b`, "i").test(statement.text),
    )) {
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: TPlanNode }] }>(
        `EXPLAIN (FORMAT JSON) ${text}`,
        values,
      );
      const nodes = nodesOf(rows[0]!["QUERY PLAN"][0].Plan);
      // A bitmap scan names its table on the heap node and its index on the index node below it.
      plans.push({
        scans: nodes.filter((node) => node["Relation Name"] === table).map((node) => node["Node Type"]),
        indexes: nodes.flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])),
        // The archive's month partitions of the same table (archive.ai_responses_2025_01, …), when it reads them.
        archived: nodes
          .filter((node) => new RegExp(`^${table}_\\d{4}_\\d{2}$`).test(node["Relation Name"] ?? ""))
          .map((node) => node["Node Type"]),
      });
    }
    return plans;
  } finally {
    await client.end();
  }
};

const postgres = testTargets().find((target) => target.name === "postgres");

describe.skipIf(!postgres)("hot paths over a long history, on postgres", () => {
  const handle = useMigratedDatabase(postgres!);

  it("a conversation's pages of 50 and the AI-usage analytics read through their indexes, with old months in the archive", async () => {
    const { db, owner, database } = handle;
    // 300 users with a conversation each (the first has a second, long one), 200 messages per conversation
    // over 20 months up to now, every second one the coach's with an AI response.
    await owner.$executeRawUnsafe(`
      INSERT INTO users (id, email, updated_at) SELECT md5('plan-user-' || u)::uuid, 'plan-' || u || '@example.com', now() FROM generate_series(1, 300) u;
      INSERT INTO conversations (id, user_id, updated_at) SELECT md5('plan-conv-' || u)::uuid, md5('plan-user-' || u)::uuid, now() FROM generate_series(1, 300) u;
      INSERT INTO conversations (id, user_id, updated_at) VALUES (md5('plan-long')::uuid, md5('plan-user-1')::uuid, now());
      INSERT INTO messages (conversation_id, role, content, user_id, created_at)
        SELECT md5('plan-conv-' || u)::uuid, CASE WHEN i % 2 = 0 THEN 'USER'::message_role ELSE 'ASSISTANT' END, 'message ' || i,
               CASE WHEN i % 2 = 0 THEN md5('plan-user-' || u)::uuid END, now() - ((200 - i) * interval '3 days') - u * interval '1 minute'
          FROM generate_series(1, 300) u, generate_series(1, 200) i;
      INSERT INTO messages (conversation_id, role, content, user_id, created_at)
        SELECT md5('plan-long')::uuid, 'USER', 'long ' || i, md5('plan-user-1')::uuid, now() - (i * interval '1 hour') FROM generate_series(1, 400) i;
      INSERT INTO ai_responses (message_id, user_id, model_used, token_count, cost, latency, request_data, response_data, created_at)
        SELECT m.id, c.user_id, 'model-' || (abs(hashtext(m.id::text)) % 3), 100, 0.0001, 900, '{}', '{}', m.created_at
          FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.role = 'ASSISTANT';
      -- Months older than a year move to the archive, as HISTORY_HOT_MONTHS=12 would do.
      SELECT * FROM archive.move_messages(date_trunc('month', now()) - interval '12 months', 100000);
      ANALYZE messages; ANALYZE ai_responses; ANALYZE conversations; ANALYZE archive.messages; ANALYZE archive.ai_responses;`);
    const [counts] = await owner.$queryRaw<{ hot: number; archived: number; responses: number }[]>`
      SELECT (SELECT count(*)::int FROM messages) AS hot, (SELECT count(*)::int FROM archive.messages) AS archived, (SELECT count(*)::int FROM ai_responses) AS responses`;
    expect(counts!.hot).toBeGreaterThan(35_000);
    expect(counts!.archived).toBeGreaterThan(15_000);
    expect(counts!.responses).toBeGreaterThan(15_000);

    const userId = (await db.user.findUniqueOrThrow({ where: { email: "plan-1@example.com" } })).id;
    const conversationId = (await owner.$queryRaw<{ id: string }[]>`SELECT md5('plan-long')::uuid::text AS id`)[0]!.id;

    // The first page, then the page after it (the cursor's own lookup and the page from it).
    let cursor: string | null = null;
    const pages = await captureStatements(async () => {
      const first = await listMessages({ db, userId, id: conversationId, query: { limit: 50 } });
      expect(first.items).toHaveLength(50);
      cursor = first.nextCursor;
      const second = await listMessages({ db, userId, id: conversationId, query: { limit: 50, cursor: cursor! } });
      expect(second.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(first.items.at(-1)!.createdAt.getTime());
    });
    const pagePlans = await plansOf(database.url, pages, "messages");
    expect(pagePlans.length).toBeGreaterThanOrEqual(2);
    for (const plan of pagePlans) {
      expect(plan.scans.length, JSON.stringify(pagePlans)).toBeGreaterThan(0);
      expect(
        plan.scans.filter((type) => !/Index|Bitmap Heap/.test(type)),
        JSON.stringify(pagePlans),
      ).toEqual([]);
    }
    expect(pagePlans.flatMap((plan) => plan.indexes)).toContain("messages_conversation_id_created_at_idx");

    // AI usage for one user, over everything and over the last 30 days; and for everyone over the last day.
    const since = Date.now() - 30 * 86_400_000;
    const [stored] = await owner.$queryRaw<{ responses: number }[]>`
      SELECT (SELECT count(*)::int FROM ai_responses WHERE user_id = ${userId}::uuid)
           + (SELECT count(*)::int FROM archive.ai_responses WHERE user_id = ${userId}::uuid) AS responses`;
    expect(stored!.responses).toBeGreaterThan(0);
    const analytics = await captureStatements(async () => {
      const all = await aiUsageByModel({ db, userId });
      expect(all.models.reduce((sum, model) => sum + model.usageCount, 0)).toBe(stored!.responses);
      await aiUsageByModel({ db, userId, since });
      await aiUsageByModel({ db, since: Date.now() - 86_400_000 });
    });
    const usagePlans = await plansOf(database.url, analytics, "ai_responses");
    expect(usagePlans).toHaveLength(3);
    for (const plan of usagePlans)
      expect(
        plan.scans.filter((type) => !/Index|Bitmap Heap/.test(type)),
        JSON.stringify(usagePlans),
      ).toEqual([]);
    // Archived months count too (UNION ALL over the archive), read through their partitions' indexes as well.
    for (const plan of usagePlans) {
      expect(plan.archived.length, JSON.stringify(usagePlans)).toBeGreaterThan(0);
      expect(
        plan.archived.filter((type) => !/Index|Bitmap Heap/.test(type)),
        JSON.stringify(usagePlans),
      ).toEqual([]);
    }
    // Everyone's since a date: the archive's months through their created_at index (migration 20261205160000).
    expect(
      usagePlans[2]!.indexes.some((index) => /^ai_responses_\d{4}_\d{2}_created_at_idx$/.test(index)),
      JSON.stringify(usagePlans),
    ).toBe(true);
    expect(usagePlans[0]!.indexes).toContain("ai_responses_user_id_created_at_idx");
    expect(usagePlans[1]!.indexes).toContain("ai_responses_user_id_created_at_idx");
    expect(
      usagePlans[2]!.indexes.some((index) => index.startsWith("ai_responses_") && index.includes("created_at")),
      JSON.stringify(usagePlans),
    ).toBe(true);
  }, 180_000);
});
