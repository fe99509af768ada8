import { describe, expect, it } from "vitest";

import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

type TMoved = { messages: bigint; ai_responses: bigint };

const columnsOf = async (
  db: { $queryRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<unknown> },
  schema: string,
  table: string,
) =>
  (await db.$queryRaw`
    SELECT column_name AS name, data_type AS type, udt_name AS udt, is_nullable AS nullable, numeric_precision AS precision, numeric_scale AS scale
      FROM information_schema.columns WHERE table_schema = ${schema} AND table_name = ${table} ORDER BY column_name`) as Record<
    string,
    unknown
  >[];

describe.each(testTargets())("history archive on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("has every column of the hot tables, of the same type, so a move loses nothing (a migration that adds one must add it here)", async () => {
    const { owner } = handle;
    const archiveOnly = new Set(["archived_at", "message_created_at"]);
    for (const table of ["messages", "ai_responses"]) {
      const hot = await columnsOf(owner, "public", table);
      const archived = (await columnsOf(owner, "archive", table)).filter(
        (column) => !archiveOnly.has(column.name as string),
      );
      expect(archived, table).toEqual(hot);
    }
  });

  it("moves whole months with their AI responses, as the app's role, and drops archived months whole", async () => {
    const { db, owner } = handle;
    const user = await db.user.create({ data: { email: `archive-${Date.now()}@example.com` } });
    const conversation = await db.conversation.create({ data: { userId: user.id, title: "a long thread" } });
    // 12 messages, one every 10 days from 2025-01-05 (3 in January, 3 in February, then March and April),
    // every second one the coach's, with an AI response.
    for (let i = 0; i < 12; i++) {
      const createdAt = new Date(Date.UTC(2025, 0, 5) + i * 10 * 86_400_000);
      const message = await db.message.create({
        data: {
          conversationId: conversation.id,
          role: i % 2 ? "ASSISTANT" : "USER",
          content: `message ${i}`,
          userId: i % 2 ? null : user.id,
          metadata: { i },
          createdAt,
        },
      });
      if (i % 2)
        await db.aiResponse.create({
          data: {
            messageId: message.id,
            userId: user.id,
            modelUsed: "gpt-test",
            tokenCount: 10 + i,
            cost: "0.00001000",
            requestData: { i },
            responseData: { ok: true },
            createdAt,
          },
        });
    }
    const before = await db.message.findMany({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: "asc" },
    });

    // A batch of 3, then the rest: everything before March 2025 (January and February, 6 messages).
    const cutoff = new Date(Date.UTC(2025, 2, 1));
    const [first] = await db.$queryRaw<
      TMoved[]
    >`SELECT * FROM archive.move_messages(${cutoff.toISOString()}::timestamptz, 3)`;
    const [rest] = await db.$queryRaw<
      TMoved[]
    >`SELECT * FROM archive.move_messages(${cutoff.toISOString()}::timestamptz, 1000)`;
    const [none] = await db.$queryRaw<
      TMoved[]
    >`SELECT * FROM archive.move_messages(${cutoff.toISOString()}::timestamptz, 1000)`;
    expect([first, rest, none].map((row) => [Number(row!.messages), Number(row!.ai_responses)])).toEqual([
      [3, 1],
      [3, 2],
      [0, 0],
    ]);

    const hot = await db.message.findMany({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(hot.map((row) => row.content)).toEqual(before.slice(6).map((row) => row.content));
    expect(await db.aiResponse.count({ where: { userId: user.id } })).toBe(3);
    // Byte for byte what was hot, in the month partitions.
    const archived = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT tableoid::regclass::text AS partition, id::text, content, metadata, created_at FROM archive.messages WHERE conversation_id = ${conversation.id}::uuid ORDER BY created_at`;
    expect(
      archived.map(({ partition, id, content, metadata, created_at }) => [
        partition,
        id,
        content,
        metadata,
        created_at,
      ]),
    ).toEqual(
      before
        .slice(0, 6)
        .map((row) => [
          `archive.messages_${row.createdAt.toISOString().slice(0, 7).replace("-", "_")}`,
          row.id,
          row.content,
          row.metadata,
          row.createdAt,
        ]),
    );
    const responses = await db.$queryRaw<{ partition: string; tokens: number; body: unknown }[]>`
      SELECT tableoid::regclass::text AS partition, token_count AS tokens, request_data AS body FROM archive.ai_responses WHERE user_id = ${user.id}::uuid ORDER BY created_at`;
    expect(responses).toEqual([
      { partition: "archive.ai_responses_2025_01", tokens: 11, body: { i: 1 } },
      { partition: "archive.ai_responses_2025_02", tokens: 13, body: { i: 3 } },
      { partition: "archive.ai_responses_2025_02", tokens: 15, body: { i: 5 } },
    ]);

    // The app's role writes to the archive only through the functions.
    await expect(db.$executeRaw`DELETE FROM archive.messages`).rejects.toThrow(/permission denied/);
    await expect(
      db.$executeRaw`CREATE TABLE archive.messages_2030_01 PARTITION OF archive.messages FOR VALUES FROM ('2030-01-01') TO ('2030-02-01')`,
    ).rejects.toThrow(/permission denied/);

    // Months created ahead: idempotent.
    expect(await db.$queryRaw`SELECT archive.ensure_month('2025-03-10'::timestamptz) AS created`).toEqual([
      { created: true },
    ]);
    expect(await db.$queryRaw`SELECT archive.ensure_month('2025-03-31 23:59:59+00'::timestamptz) AS created`).toEqual([
      { created: false },
    ]);

    // January ended before 2025-02-01; February did not end before 2025-02-28.
    expect(await db.$queryRaw`SELECT archive.drop_months('2025-02-28'::timestamptz) AS month`).toEqual([
      { month: "2025_01" },
    ]);
    const left = await owner.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent IN ('archive.messages'::regclass, 'archive.ai_responses'::regclass) ORDER BY 1`;
    expect(left.map((row) => row.name)).toEqual([
      "ai_responses_2025_02",
      "ai_responses_2025_03",
      "messages_2025_02",
      "messages_2025_03",
    ]);

    // A month of a conversation is read through its partition and the conversation's index.
    const plan = await owner.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT * FROM archive.messages WHERE conversation_id = '${conversation.id}' AND created_at >= '2025-02-01' AND created_at < '2025-03-01'`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/messages_2025_02/);
    expect(text).not.toMatch(/messages_2025_03/);
    expect(text).toMatch(/Index Scan|Bitmap Index Scan/);

    // Deleting the account deletes its archived history (foreign keys from the archive).
    await db.user.delete({ where: { id: user.id } });
    expect(
      await owner.$queryRaw`SELECT (SELECT count(*)::int FROM archive.messages) AS messages, (SELECT count(*)::int FROM archive.ai_responses) AS responses`,
    ).toEqual([{ messages: 0, responses: 0 }]);
  });
});
