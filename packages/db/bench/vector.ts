// `pnpm bench:vector`: on real PostgreSQL, in one run — recall@10 against exact search and p50/p99 latency of
// filtered per-user search and of knowledge-base search, next to the exact scan's latency, and the HNSW build
// time. Data: BENCH_VECTORS embeddings (default 100,000) of 1536 dimensions over many users — most small, a few
// with tens of thousands. Every loop is bounded by its counts.
import pg from "pg";

import { createDb } from "../src/client.ts";
import { createPostgresTestDatabase, probePostgres } from "../src/testing/index.ts";
import { EMBEDDING_DIMENSION, searchEmbeddings, searchKnowledgeChunks } from "../src/vector.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TOTAL = Number(process.env.BENCH_VECTORS ?? 100_000);
const KNOWLEDGE = Number(process.env.BENCH_KNOWLEDGE ?? 2_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const K = 10;
// HNSW candidate list size for the searches; the helpers' default when unset.
const EF_SEARCH = process.env.BENCH_EF_SEARCH ? Number(process.env.BENCH_EF_SEARCH) : undefined;
const tuning = EF_SEARCH ? { efSearch: EF_SEARCH } : {};

// A seeded PRNG and clustered vectors, so runs are comparable and neighbours are meaningful.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const normalise = (v: number[]) => {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};
const CENTRES = Array.from({ length: 64 }, () => normalise(Array.from({ length: EMBEDDING_DIMENSION }, gaussian)));
const near = (centre: number[], spread = 0.6) => normalise(centre.map((x) => x + (gaussian() * spread) / Math.sqrt(EMBEDDING_DIMENSION) * 8));
const literal = (v: number[]) => `[${v.map((x) => x.toFixed(6)).join(",")}]`;

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
  // Bulk load without the index, then build it once: how an index is built on a large existing table.
  await client.query("DROP INDEX embeddings_embedding_hnsw_idx; DROP INDEX knowledge_chunks_embedding_hnsw_idx");
  const sizes = userSizes();
  const users: { id: string; size: number }[] = [];
  const loadStart = performance.now();
  for (const [index, size] of sizes.entries()) {
    const { rows } = await client.query<{ id: string }>("INSERT INTO users (email, updated_at) VALUES ($1, now()) RETURNING id", [`bench-${index}@example.com`]);
    users.push({ id: rows[0]!.id, size });
    for (let offset = 0; offset < size; offset += 500) {
      const count = Math.min(500, size - offset);
      const values: string[] = [];
      const params: unknown[] = [rows[0]!.id];
      for (let i = 0; i < count; i++) {
        params.push(literal(near(CENTRES[Math.floor(random() * CENTRES.length)]!)));
        values.push(`($1, 'GOAL', gen_random_uuid(), 0, 'bench', repeat('a', 64), 'bench-model', ${EMBEDDING_DIMENSION}, $${params.length}::vector, now())`);
      }
      await client.query(`INSERT INTO embeddings (user_id, owner_kind, owner_id, chunk_index, content, content_hash, model, dimension, embedding, updated_at) VALUES ${values.join(",")}`, params);
    }
  }
  for (let offset = 0; offset < KNOWLEDGE; offset += 200) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = offset; i < Math.min(KNOWLEDGE, offset + 200); i++) {
      params.push(`bench-${i}`, 1 + (i % 4), ["focus", "energy", "delegation", "habits", "feedback"][i % 5], literal(near(CENTRES[i % CENTRES.length]!)));
      const n = params.length;
      values.push(`($${n - 3}, '1', 'bench', true, 'text', 'text', $${n - 2}, $${n - 1}, $${n}::vector, 'bench-model', now())`);
    }
    await client.query(`INSERT INTO knowledge_chunks (chunk_id, version, source, is_active, text_content, embedding_text, phase, goal, embedding, embedding_model, updated_at) VALUES ${values.join(",")}`, params);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const build = await timed(() => client.query(`SET maintenance_work_mem = '1GB'; CREATE INDEX embeddings_embedding_hnsw_idx ON embeddings USING hnsw (embedding vector_cosine_ops) WHERE embedding IS NOT NULL`));
  const buildKnowledge = await timed(() => client.query(`CREATE INDEX knowledge_chunks_embedding_hnsw_idx ON knowledge_chunks USING hnsw (embedding vector_cosine_ops) WHERE embedding IS NOT NULL; ANALYZE embeddings; ANALYZE knowledge_chunks`));

  const largest = [...users].sort((a, b) => b.size - a.size).slice(0, 3);
  const groups = { [`large users (${largest.map((u) => u.size).join(", ")} rows)`]: largest, "small users (5–200 rows)": users.filter((u) => u.size <= 200) };
  console.log(`\n${TOTAL} embeddings × ${EMBEDDING_DIMENSION} dims over ${users.length} users, ${KNOWLEDGE} knowledge chunks; PostgreSQL ${(await client.query("SHOW server_version")).rows[0].server_version}`);
  console.log(`ef_search ${EF_SEARCH ?? "default (100)"}`);
  console.log(`load ${loadSeconds.toFixed(1)} s; HNSW build: embeddings ${(build.ms / 1000).toFixed(1)} s, knowledge ${(buildKnowledge.ms / 1000).toFixed(1)} s\n`);

  const report = (label: string, recalls: number[], hnsw: number[], exact: number[]) =>
    console.log(
      `${label.padEnd(30)} recall@10 mean ${(recalls.reduce((a, b) => a + b, 0) / recalls.length).toFixed(3)} min ${Math.min(...recalls).toFixed(2)}   ` +
        `HNSW p50 ${percentile(hnsw, 0.5).toFixed(2)} ms p99 ${percentile(hnsw, 0.99).toFixed(2)} ms   exact p50 ${percentile(exact, 0.5).toFixed(2)} ms p99 ${percentile(exact, 0.99).toFixed(2)} ms`,
    );

  for (const [label, group] of Object.entries(groups)) {
    const recalls: number[] = [];
    const hnsw: number[] = [];
    const exact: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const user = group[i % group.length]!;
      const vector = near(CENTRES[Math.floor(random() * CENTRES.length)]!);
      const approximate = await timed(() => searchEmbeddings(db, { userId: user.id, vector, k: K, ...tuning }));
      const truth = await timed(() => client.query<{ id: string }>(`SELECT id::text FROM embeddings WHERE user_id = $1 AND embedding IS NOT NULL ORDER BY (embedding <=> $2::vector) + 0 LIMIT ${K}`, [user.id, literal(vector)]));
      const expected = new Set(truth.result.rows.map((row) => row.id));
      recalls.push(approximate.result.filter((match) => expected.has(match.id)).length / Math.max(1, expected.size));
      hnsw.push(approximate.ms);
      exact.push(truth.ms);
    }
    report(label, recalls, hnsw, exact);
  }
  const recalls: number[] = [];
  const hnsw: number[] = [];
  const exact: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const phase = 1 + (i % 4);
    const vector = near(CENTRES[Math.floor(random() * CENTRES.length)]!);
    const approximate = await timed(() => searchKnowledgeChunks(db, { vector, k: K, phase, ...tuning }));
    const truth = await timed(() => client.query<{ id: string }>(`SELECT id::text FROM knowledge_chunks WHERE phase = $1 AND is_active AND embedding IS NOT NULL ORDER BY (embedding <=> $2::vector) + 0 LIMIT ${K}`, [phase, literal(vector)]));
    const expected = new Set(truth.result.rows.map((row) => row.id));
    recalls.push(approximate.result.filter((match) => expected.has(match.id)).length / Math.max(1, expected.size));
    hnsw.push(approximate.ms);
    exact.push(truth.ms);
  }
  report("knowledge (filtered by phase)", recalls, hnsw, exact);
} finally {
  await client.end();
  await db.$disconnect();
  await database.drop();
}
