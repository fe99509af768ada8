// `pnpm --filter @cto/db bench:history`: the layouts for years of messages, on real PostgreSQL, in one run.
// BENCH_HISTORY_MESSAGES messages (default 300,000) over 36 months and BENCH_HISTORY_CONVERSATIONS
// conversations (default 2,000), loaded three ways: the hot table as the migrations make it; the same rows in
// a table partitioned by month (the layout issue 15 suggested, with created_at in its primary key); and the
// hot table after the archive job moved everything older than 12 months into archive.messages. For each,
// p50/p99 of the API's page of 50 (oldest first, the query listMessages sends, and the latest 50), over
// BENCH_QUERIES (300) random conversations; then what it costs to take a month out: archive.move_messages
// (rows per second) against DETACH PARTITION. Every loop is bounded by its counts.
import { loadavg } from "node:os";

import pg from "pg";

import { createPostgresTestDatabase, probePostgres } from "../src/testing/index.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MESSAGES = Number(process.env.BENCH_HISTORY_MESSAGES ?? 300_000);
const CONVERSATIONS = Number(process.env.BENCH_HISTORY_CONVERSATIONS ?? 2_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const MONTHS = 36;

const probe = await probePostgres(adminUrl);
if (!probe.ok) throw new Error(`bench:history needs PostgreSQL with pgvector: ${probe.reason}`);
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const client = new pg.Client({ connectionString: database.url });
await client.connect();

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
};
const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

try {
  console.log(
    `bench:history: ${MESSAGES.toLocaleString("en")} messages over ${MONTHS} months in ${CONVERSATIONS.toLocaleString("en")} conversations; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const load = await timed(async () => {
    // Deterministic data: conversation c gets messages at hashed times over the last MONTHS months.
    await client.query(`
      SELECT setseed(0.42);
      INSERT INTO users (id, email, updated_at) SELECT md5('bench-user-' || u)::uuid, 'bench-' || u || '@example.com', now() FROM generate_series(1, 100) u;
      INSERT INTO conversations (id, user_id, updated_at) SELECT md5('bench-conv-' || c)::uuid, md5('bench-user-' || (c % 100 + 1))::uuid, now() FROM generate_series(1, ${CONVERSATIONS}) c;
      INSERT INTO messages (conversation_id, role, content, created_at)
        SELECT md5('bench-conv-' || (1 + floor(random() * ${CONVERSATIONS}))::int)::uuid, CASE WHEN i % 2 = 0 THEN 'USER'::message_role ELSE 'ASSISTANT' END,
               repeat('a message of the coaching conversation ', 4), now() - random() * interval '${MONTHS} months'
          FROM generate_series(1, ${MESSAGES}) i;
      CREATE TABLE bench_partitioned (LIKE messages INCLUDING DEFAULTS, PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);`);
    // One partition a month, this one included.
    await client.query(`DO $$ DECLARE m int; month timestamptz; BEGIN
      FOR m IN 0..${MONTHS} LOOP
        month := date_trunc('month', now()) - m * interval '1 month';
        EXECUTE format('CREATE TABLE %I PARTITION OF bench_partitioned FOR VALUES FROM (%L) TO (%L)', 'bench_partitioned_' || to_char(month, 'YYYY_MM'), month, month + interval '1 month');
      END LOOP; END $$`);
    await client.query("INSERT INTO bench_partitioned SELECT * FROM messages");
    await client.query("CREATE INDEX ON bench_partitioned (conversation_id, created_at)");
    await client.query("ANALYZE messages; ANALYZE bench_partitioned; ANALYZE conversations");
  });
  const size = async (relation: string) =>
    (await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('${relation}')) AS size`))
      .rows[0]!.size;
  console.log(`load ${(load.ms / 1000).toFixed(1)} s; hot table ${await size("messages")} with indexes\n`);

  const conversations = (
    await client.query<{ id: string }>(
      `SELECT md5('bench-conv-' || (1 + (i * 7919) % ${CONVERSATIONS}))::uuid::text AS id FROM generate_series(1, ${QUERIES}) i`,
    )
  ).rows.map((row) => row.id);
  const page = (table: string, order: "ASC" | "DESC") =>
    `SELECT * FROM ${table} WHERE conversation_id = $1 ORDER BY created_at ${order}, id ${order} LIMIT 51`;
  const measure = async (sql: string) => {
    const ms: number[] = [];
    for (const id of conversations) ms.push((await timed(() => client.query(sql, [id]))).ms);
    const plan = (
      await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql.replace("$1", `'${conversations[0]}'`)}`)
    ).rows.map((row) => row["QUERY PLAN"]);
    const partitions = plan.filter((line) => /Index Scan/.test(line)).length;
    return { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), scans: partitions };
  };
  const rows: [string, Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>][] = [];
  rows.push([
    "hot table, all months (the migrations' layout)",
    await measure(page("messages", "ASC")),
    await measure(page("messages", "DESC")),
  ]);
  rows.push([
    "partitioned by month, all months",
    await measure(page("bench_partitioned", "ASC")),
    await measure(page("bench_partitioned", "DESC")),
  ]);

  // The archive job's move: everything before the month 12 months ago, in batches of 10,000 (its own transaction each).
  const cutoff = (await client.query<{ at: Date }>("SELECT date_trunc('month', now()) - interval '12 months' AS at"))
    .rows[0]!.at;
  let moved = 0;
  const move = await timed(async () => {
    for (let batch = 0; batch < 10_000; batch++) {
      const { rows: done } = await client.query<{ messages: string }>(
        "SELECT * FROM archive.move_messages($1, 10000)",
        [cutoff],
      );
      moved += Number(done[0]!.messages);
      if (Number(done[0]!.messages) < 10_000) break;
    }
  });
  await client.query("VACUUM ANALYZE messages");
  rows.push([
    "hot table after the archive took months 13–36",
    await measure(page("messages", "ASC")),
    await measure(page("messages", "DESC")),
  ]);

  console.log(
    "| layout | oldest 50: p50 / p99 | index scans | latest 50: p50 / p99 | index scans |\n| --- | --- | --- | --- | --- |",
  );
  for (const [name, oldest, latest] of rows)
    console.log(
      `| ${name} | ${oldest.p50.toFixed(2)} / ${oldest.p99.toFixed(2)} ms | ${oldest.scans} | ${latest.p50.toFixed(2)} / ${latest.p99.toFixed(2)} ms | ${latest.scans} |`,
    );

  const partitionsToDetach = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'bench_partitioned'::regclass AND c.relname < 'bench_partitioned_' || to_char($1::timestamptz, 'YYYY_MM') ORDER BY 1`,
      [cutoff],
    )
  ).rows.map((row) => row.name);
  const detach = await timed(async () => {
    for (const name of partitionsToDetach) await client.query(`ALTER TABLE bench_partitioned DETACH PARTITION ${name}`);
  });
  const archived = (
    await client.query<{ size: string }>(
      "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS size FROM pg_inherits WHERE inhparent = 'archive.messages'::regclass",
    )
  ).rows[0]!.size;
  const hotAfter = await size("messages");
  const drop = await timed(() => client.query<{ month: string }>("SELECT archive.drop_months($1) AS month", [cutoff]));
  console.log(
    `\ntaking out months 13–36: archive.move_messages ${moved.toLocaleString("en")} rows in ${(move.ms / 1000).toFixed(1)} s (${Math.round(moved / (move.ms / 1000)).toLocaleString("en")} rows/s); ` +
      `DETACH PARTITION of ${partitionsToDetach.length} month partitions ${detach.ms.toFixed(0)} ms; archive.drop_months of ${drop.result.rows.length} months ${drop.ms.toFixed(0)} ms`,
  );
  console.log(
    `hot table after the move and VACUUM ${hotAfter} (space reused by new rows, not returned to the OS); archive ${archived}; load average ${loadavg()[0]!.toFixed(1)}`,
  );
} finally {
  await client.end();
  await database.drop();
}
