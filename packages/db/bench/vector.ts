// `pnpm bench:vector`: on real PostgreSQL, in one run — recall@10 against exact search and p50/p99 latency of
// filtered per-user search and of knowledge-base search, next to the exact scan's latency, and the HNSW build
// time. Data: BENCH_VECTORS embeddings (default 100,000) of 1536 dimensions over many users — most small, a few
// with tens of thousands (see bench/data.ts for their structure). Recall counts a result as a true neighbour when
// its distance is within 1e-6 of the k-th exact distance or closer (ann-benchmarks' rule), so equal distances
// in another order are not misses. Each user writes about a Zipf-weighted palette of a few topics, and a quarter
// of the queries come from a topic outside the user's palette (something new to them): recall is printed for
// both classes, because an approximate index is weakest exactly there. Every loop is bounded by its counts.
import { loadavg } from "node:os";

import pg from "pg";
import pgvector from "pgvector";

import { createDb } from "../src/client.ts";
import { createPostgresTestDatabase, probePostgres } from "../src/testing/index.ts";
import { DEFAULT_EF_SEARCH, EMBEDDING_DIMENSION, EXACT_SCAN_MAX_ROWS, searchEmbeddings, searchKnowledgeChunks } from "../src/vector.ts";
import { createTopicSpace, literal } from "./data.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TOTAL = Number(process.env.BENCH_VECTORS ?? 100_000);
const KNOWLEDGE = Number(process.env.BENCH_KNOWLEDGE ?? 2_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const K = 10;
// HNSW candidate list size for the searches; the helpers' default when unset.
const EF_SEARCH = process.env.BENCH_EF_SEARCH ? Number(process.env.BENCH_EF_SEARCH) : undefined;
const tuning = EF_SEARCH ? { efSearch: EF_SEARCH } : {};

const NOISE = Number(process.env.BENCH_NOISE ?? 0.6);
const space = createTopicSpace({ noise: NOISE });
const random = space.random.next;
/** Knowledge chunks cover every topic. */
const anyTopic = space.palette(Number.POSITIVE_INFINITY);
/** Every fourth query is off the palette (with three large users, each of them gets both classes). */
const queryClass = (i: number) => (i % 4 === 3 ? "off palette" : "on palette");
const EPSILON = 1e-6;
/** Users: three with tens of thousands of rows, the rest small (5–200). */
const userSizes = () => {
  const big = [Math.round(TOTAL * 0.3), Math.round(TOTAL * 0.15), Math.round(TOTAL * 0.1)];
  const sizes = [...big];
  let left = TOTAL - big.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const size = Math.min(left, 5 + Math.floor(random() * 196));
    sizes.push(size);
    left -= size;
  }
  return sizes;
};

// The exact search gets the query exactly as the helpers send it (`pgvector.toSql`): a literal rounded
// to 6 decimals moves distances by more than EPSILON, and near-ties at the k-th place then count as misses.
const exactQuery = (vector: number[]) => pgvector.toSql(vector) as string;
const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const timed = async <T>(fn: () => Promise<T>) => {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
};

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:vector needs real PostgreSQL: ${probe.reason}`);
  process.exit(1);
}
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const db = createDb({ url: database.url, log: [] });
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  // Bulk load without the index, then build it once: how an index is built on a large existing table. The
  // indexes are rebuilt from the migrated definitions, so the bench measures the graph parameters the
  // migrations set (m, ef_construction), not ones of its own.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('embeddings_embedding_hnsw_idx', 'knowledge_chunks_embedding_hnsw_idx')",
  );
  const definition = (name: string) => indexes.find((index) => index.indexname === name)?.indexdef ?? `-- ${name} missing`;
  await client.query("DROP INDEX embeddings_embedding_hnsw_idx; DROP INDEX knowledge_chunks_embedding_hnsw_idx");
  const sizes = userSizes();
  const users: { id: string; size: number; palette: ReturnType<typeof space.palette> }[] = [];
  const loadStart = performance.now();
  for (const [index, size] of sizes.entries()) {
    const { rows } = await client.query<{ id: string }>("INSERT INTO users (email, updated_at) VALUES ($1, now()) RETURNING id", [`bench-${index}@example.com`]);
    const palette = space.palette(2 + space.random.int(6));
    users.push({ id: rows[0]!.id, size, palette });
    for (let offset = 0; offset < size; offset += 500) {
      const count = Math.min(500, size - offset);
      const values: string[] = [];
      const params: unknown[] = [rows[0]!.id];
      for (let i = 0; i < count; i++) {
        params.push(literal(palette.sample()));
        values.push(`($1, 'GOAL', gen_random_uuid(), 0, 'bench', repeat('a', 64), 'bench-model', ${EMBEDDING_DIMENSION}, $${params.length}::vector, now())`);
      }
      await client.query(`INSERT INTO embeddings (user_id, owner_kind, owner_id, chunk_index, content, content_hash, model, dimension, embedding, updated_at) VALUES ${values.join(",")}`, params);
    }
  }
  for (let offset = 0; offset < KNOWLEDGE; offset += 200) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = offset; i < Math.min(KNOWLEDGE, offset + 200); i++) {
      params.push(`bench-${i}`, 1 + (i % 4), ["focus", "energy", "delegation", "habits", "feedback"][i % 5], literal(anyTopic.sample()));
      const n = params.length;
      values.push(`($${n - 3}, '1', 'bench', true, 'text', 'text', $${n - 2}, $${n - 1}, $${n}::vector, 'bench-model', now())`);
    }
    await client.query(`INSERT INTO knowledge_chunks (chunk_id, version, source, is_active, text_content, embedding_text, phase, goal, embedding, embedding_model, updated_at) VALUES ${values.join(",")}`, params);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const build = await timed(() => client.query(`SET maintenance_work_mem = '1GB'; ${definition("embeddings_embedding_hnsw_idx")}`));
  const buildKnowledge = await timed(() => client.query(`${definition("knowledge_chunks_embedding_hnsw_idx")}; ANALYZE embeddings; ANALYZE knowledge_chunks`));

  const largest = [...users].sort((a, b) => b.size - a.size).slice(0, 3);
  const groups = { [`large users (${largest.map((u) => u.size).join(", ")} rows)`]: largest, "small users (5–200 rows)": users.filter((u) => u.size <= 200) };
  console.log(`\n${TOTAL} embeddings × ${EMBEDDING_DIMENSION} dims over ${users.length} users, ${KNOWLEDGE} knowledge chunks; PostgreSQL ${(await client.query("SHOW server_version")).rows[0].server_version}`);
  console.log(`ef_search ${EF_SEARCH ?? `default (${DEFAULT_EF_SEARCH})`}; exact scan up to ${EXACT_SCAN_MAX_ROWS} matching rows; data noise ${NOISE}`);
  console.log(`load ${loadSeconds.toFixed(1)} s; HNSW build: embeddings ${(build.ms / 1000).toFixed(1)} s, knowledge ${(buildKnowledge.ms / 1000).toFixed(1)} s`);
  console.log(`index: ${definition("embeddings_embedding_hnsw_idx").replace(/^.* USING /, "USING ")}\n`);

  /** Results within EPSILON of the k-th exact distance (or nearer) are true neighbours; recall = their share of the exact list. */
  const recallOf = (found: { distance: number }[], exact: { d: number }[]) => {
    if (!exact.length) return 1;
    const kth = exact.at(-1)!.d + EPSILON;
    return Math.min(exact.length, found.filter((match) => match.distance <= kth).length) / exact.length;
  };
  const profile: number[] = [];
  const report = (label: string, recalls: number[], hnsw: number[], exact: number[]) =>
    console.log(
      `${label.padEnd(44)} recall@10 mean ${(recalls.reduce((a, b) => a + b, 0) / recalls.length).toFixed(3)} min ${Math.min(...recalls).toFixed(2)} (${recalls.filter((r) => r < 0.99).length} below 0.99)   ` +
        `HNSW p50 ${percentile(hnsw, 0.5).toFixed(2)} ms p99 ${percentile(hnsw, 0.99).toFixed(2)} ms   exact p50 ${percentile(exact, 0.5).toFixed(2)} ms p99 ${percentile(exact, 0.99).toFixed(2)} ms` +
        `   load average ${loadavg().map((load) => load.toFixed(1)).join(" ")}`,
    );

  for (const [label, group] of Object.entries(groups)) {
    type TClassFigures = { recalls: number[]; hnsw: number[]; exact: number[] };
    const byClass = new Map<string, TClassFigures>();
    // The target holds per user, so each large user's mean is printed too.
    const perUser = new Map<string, number[]>();
    // One untimed search first: the first call pays for cold caches and for setting up the connection's
    // function and plans (measured: 255 ms once, against ~10 ms after), and p99 of 100 queries is their slowest.
    await searchEmbeddings(db, { userId: group[0]!.id, vector: group[0]!.palette.sample(), k: K, ...tuning });
    for (let i = 0; i < QUERIES; i++) {
      const user = group[i % group.length]!;
      const kind = queryClass(i);
      const vector = kind === "on palette" ? user.palette.sample() : user.palette.offPalette();
      const approximate = await timed(() => searchEmbeddings(db, { userId: user.id, vector, k: K, ...tuning }));
      const truth = await timed(() => client.query<{ d: number }>(`SELECT (embedding <=> $2::vector)::float8 AS d FROM embeddings WHERE user_id = $1 AND embedding IS NOT NULL ORDER BY (embedding <=> $2::vector) + 0 LIMIT ${K}`, [user.id, exactQuery(vector)]));
      const figures = byClass.get(kind) ?? { recalls: [], hnsw: [], exact: [] };
      byClass.set(kind, figures);
      figures.recalls.push(recallOf(approximate.result, truth.result.rows));
      perUser.set(`${user.id} ${kind}`, [...(perUser.get(`${user.id} ${kind}`) ?? []), figures.recalls.at(-1)!]);
      profile.push(...truth.result.rows.map((row) => 1 - row.d));
      figures.hnsw.push(approximate.ms);
      figures.exact.push(truth.ms);
    }
    for (const [kind, figures] of byClass) {
      report(`${label}, ${kind}`, figures.recalls, figures.hnsw, figures.exact);
      if (group.length <= 3) {
        const means = group.map((user) => `${user.size} rows ${(perUser.get(`${user.id} ${kind}`) ?? []).reduce((a, b, _, all) => a + b / all.length, 0).toFixed(3)}`);
        console.log(`${"".padEnd(44)} per user: ${means.join(", ")}`);
      }
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  console.log(`data: cosine similarity of the exact top ${K} to the query, mean ${mean(profile).toFixed(3)} (min ${Math.min(...profile).toFixed(3)})`);
  const recalls: number[] = [];
  const hnsw: number[] = [];
  const exact: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const phase = 1 + (i % 4);
    const vector = anyTopic.sample();
    const approximate = await timed(() => searchKnowledgeChunks(db, { vector, k: K, phase, ...tuning }));
    const truth = await timed(() => client.query<{ d: number }>(`SELECT (embedding <=> $2::vector)::float8 AS d FROM knowledge_chunks WHERE phase = $1 AND is_active AND embedding IS NOT NULL ORDER BY (embedding <=> $2::vector) + 0 LIMIT ${K}`, [phase, exactQuery(vector)]));
    recalls.push(recallOf(approximate.result, truth.result.rows));
    hnsw.push(approximate.ms);
    exact.push(truth.ms);
  }
  report("knowledge (filtered by phase)", recalls, hnsw, exact);
} finally {
  await client.end();
  await db.$disconnect();
  await database.drop();
}
