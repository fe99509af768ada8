// Vector searches break distance ties by id: the same query gives the same rows in the same order,
// whichever order the rows were written in, on the exact path and through the HNSW index, and after
// the table is reloaded in another order and its index rebuilt (a backup and restore).
import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DbExecutor } from "../src/client.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";
import {
  contentHash,
  EMBEDDING_DIMENSION,
  EXACT_SCAN_MAX_ROWS,
  searchEmbeddings,
  searchKnowledgeChunks,
} from "../src/vector.ts";

const MODEL = "ties-model";
const DIRECTIONS = 40;
/** A vector stored three times, and one near it (same vector, 20 components flipped). */
const TRIPLE = 1000;
const NEAR = 1001;

// A deterministic integer vector per direction (integers are stored and compared exactly).
const direction = (seed: number): number[] => {
  if (seed === NEAR) return direction(TRIPLE).map((value, index) => (index < 20 ? -value : value));
  let state = seed * 2_654_435_761 + 1;
  return Array.from({ length: EMBEDDING_DIMENSION }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state % 201) - 100;
  });
};
const literal = (vector: number[]) => `[${vector.join(",")}]`;

/** `count` uuids, in descending order: rows are written so that the heap's order is the reverse of the ids'. */
const descendingIds = (count: number) =>
  Array.from({ length: count }, () => randomUUID())
    .sort()
    .reverse();

describe.each(testTargets())("search ties on $name", (target) => {
  const ctx = useMigratedDatabase(target);
  let owner: pg.Client;
  const users = { small: "", big: "", flat: "" };
  /** Row ids by user, and by the direction each row has. */
  const rows = new Map<string, { id: string; direction: number }[]>();

  const insertEmbeddings = async (userId: string, ids: string[], directionOf: (index: number) => number) => {
    rows.set(
      userId,
      ids.map((id, index) => ({ id, direction: directionOf(index) })),
    );
    for (let start = 0; start < ids.length; start += 100) {
      const batch = ids.slice(start, start + 100);
      const values = batch.map((id, offset) => {
        const index = start + offset;
        return `('${id}'::uuid, '${userId}'::uuid, 'GOAL', '${randomUUID()}'::uuid, 'row ${index}', '${contentHash(`row ${index}`)}', '${MODEL}', ${EMBEDDING_DIMENSION}, '${literal(direction(directionOf(index)))}'::vector, now())`;
      });
      await owner.query(
        `INSERT INTO embeddings (id, user_id, owner_kind, owner_id, content, content_hash, model, dimension, embedding, updated_at) VALUES ${values.join(", ")}`,
      );
    }
  };

  /** The ids tied at distance 0 from direction `d` for `userId`, in id order. */
  const tiedIds = (userId: string, d: number) =>
    rows
      .get(userId)!
      .filter((row) => row.direction === d)
      .map((row) => row.id)
      .sort();

  const indexScans = async (tx: DbExecutor, index: string) =>
    (await tx.$queryRaw<{ n: number }[]>`SELECT pg_stat_get_xact_numscans(${index}::regclass)::int AS n`)[0]!.n;

  /** A backup and restore, as far as order goes: the rows come back in another order, the index is rebuilt. */
  const reload = async (table: "embeddings" | "knowledge_chunks", where: string) => {
    await owner.query("BEGIN");
    await owner.query(`CREATE TEMP TABLE reload ON COMMIT DROP AS SELECT * FROM ${table} WHERE ${where}`);
    await owner.query(`DELETE FROM ${table} WHERE ${where}`);
    await owner.query(`INSERT INTO ${table} SELECT * FROM reload ORDER BY md5(id::text)`);
    await owner.query("COMMIT");
    await owner.query(`REINDEX TABLE ${table}`);
  };

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: ctx.database.url });
    await owner.connect();
    for (const name of Object.keys(users) as (keyof typeof users)[])
      users[name] = (await ctx.db.user.create({ data: { email: `${name}-${randomUUID()}@ties.cto.test` } })).id;
    // Small: the exact scan answers. 8 rows share direction 0, 4 have others.
    await insertEmbeddings(users.small, descendingIds(12), (index) => (index < 8 ? 0 : index));
    // Big: past the exact-scan limit, so the index answers; 40 directions, ~28 identical rows each, and a
    // vector stored three times with one near it.
    const bigCount = EXACT_SCAN_MAX_ROWS + 100;
    await insertEmbeddings(users.big, descendingIds(bigCount + 4), (index) =>
      index < bigCount ? index % DIRECTIONS : index < bigCount + 3 ? TRIPLE : NEAR,
    );
    // Flat: more rows tied than the exact-scan limit; the index cannot settle it, the exact scan does.
    await insertEmbeddings(users.flat, descendingIds(EXACT_SCAN_MAX_ROWS + 20), () => 0);
    const chunkIds = descendingIds(EXACT_SCAN_MAX_ROWS + 100);
    for (let start = 0; start < chunkIds.length; start += 100) {
      const values = chunkIds.slice(start, start + 100).map((id, offset) => {
        const index = start + offset;
        return `('${id}'::uuid, 'ties_${index}', '1.0.0', 'TEST', 'chunk ${index}', 'chunk ${index}', '${literal(direction(index % DIRECTIONS))}'::vector, '${MODEL}', 1 + ${index} % 4, now())`;
      });
      await owner.query(
        `INSERT INTO knowledge_chunks (id, chunk_id, version, source, text_content, embedding_text, embedding, embedding_model, phase, updated_at) VALUES ${values.join(", ")}`,
      );
    }
    rows.set(
      "knowledge",
      chunkIds.map((id, index) => ({ id, direction: index % DIRECTIONS })),
    );
    await owner.query("ANALYZE embeddings; ANALYZE knowledge_chunks");
  }, 600_000);

  afterAll(async () => {
    await owner?.end();
  });

  it("the exact scan returns tied rows in id order, not in the order they were written", async () => {
    const search = () => searchEmbeddings(ctx.db, { userId: users.small, vector: direction(0), k: 5, model: MODEL });
    const first = await search();
    expect(first.map((match) => match.id)).toEqual(tiedIds(users.small, 0).slice(0, 5));
    expect(new Set(first.map((match) => match.distance)).size).toBe(1);
    await reload("embeddings", `user_id = '${users.small}'`);
    expect(await search()).toEqual(first);
  });

  it("through the index, rows tied before the k-th come in id order", async () => {
    // Three copies of one vector, then a near one: the k-th (4th) distance is nobody else's.
    const near = rows.get(users.big)!.filter((row) => row.direction === NEAR);
    const input = { userId: users.big, vector: direction(TRIPLE), k: 4, model: MODEL };
    const matches = await ctx.db.$transaction(async (tx) => {
      const before = await indexScans(tx, "embeddings_embedding_hnsw_idx");
      const found = await searchEmbeddings(tx, input);
      expect(await indexScans(tx, "embeddings_embedding_hnsw_idx"), "searched through the index").toBeGreaterThan(
        before,
      );
      return found;
    });
    expect(matches.map((match) => match.id)).toEqual([...tiedIds(users.big, TRIPLE), near[0]!.id]);
    expect(matches.map((match) => match.distance)).toEqual([0, 0, 0, expect.any(Number)]);
    expect(matches[3]!.distance).toBeGreaterThan(0);
  });

  it("a tie at the k-th distance is settled by the exact scan: the k lowest ids, in id order", async () => {
    for (const d of [0, 7, 39]) {
      const matches = await ctx.db.$transaction(async (tx) => {
        const before = await indexScans(tx, "embeddings_embedding_hnsw_idx");
        const found = await searchEmbeddings(tx, { userId: users.big, vector: direction(d), k: 10, model: MODEL });
        expect(await indexScans(tx, "embeddings_embedding_hnsw_idx"), "the index was asked first").toBeGreaterThan(
          before,
        );
        return found;
      });
      expect(tiedIds(users.big, d).length).toBeGreaterThan(10);
      expect(
        matches.map((match) => match.id),
        `direction ${d}`,
      ).toEqual(tiedIds(users.big, d).slice(0, 10));
    }
    // Ties straddling k: the 28 copies of direction 3 and the nearest other direction's copies after them.
    const wide = await searchEmbeddings(ctx.db, { userId: users.big, vector: direction(3), k: 30, model: MODEL });
    expect(wide.slice(0, 28).map((match) => match.id)).toEqual(tiedIds(users.big, 3));
    const rest = wide.slice(28);
    expect(rest.map((match) => match.id)).toEqual(
      [...rest].sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1)).map((match) => match.id),
    );
    expect(rest[0]!.distance).toBe(rest[1]!.distance);
  });

  it("gives the same results after the table is reloaded in another order and its index rebuilt", async () => {
    const searches = () =>
      Promise.all(
        [
          [0, 10],
          [7, 10],
          [39, 10],
          [TRIPLE, 4],
          [NEAR, 4],
        ].map(([d, k]) => searchEmbeddings(ctx.db, { userId: users.big, vector: direction(d!), k, model: MODEL })),
      );
    const before = await searches();
    await reload("embeddings", `user_id = '${users.big}'`);
    expect(await searches()).toEqual(before);
  });

  it("more ties than the exact-scan limit: the exact scan answers, in id order", async () => {
    const all = rows
      .get(users.flat)!
      .map((row) => row.id)
      .sort();
    const matches = await searchEmbeddings(ctx.db, { userId: users.flat, vector: direction(0), k: 10, model: MODEL });
    expect(matches.map((match) => match.id)).toEqual(all.slice(0, 10));
  });

  it("knowledge search breaks ties by id too, through the index and after a reload", async () => {
    const tied = (d: number) =>
      rows
        .get("knowledge")!
        .filter((row) => row.direction === d)
        .map((row) => row.id)
        .sort();
    const search = (d: number) =>
      searchKnowledgeChunks(ctx.db, { vector: direction(d), k: 5, model: MODEL, activeOnly: false });
    const before = await ctx.db.$transaction(async (tx) => {
      const scans = await indexScans(tx, "knowledge_chunks_embedding_hnsw_idx");
      const found = await searchKnowledgeChunks(tx, { vector: direction(5), k: 5, model: MODEL, activeOnly: false });
      expect(await indexScans(tx, "knowledge_chunks_embedding_hnsw_idx")).toBeGreaterThan(scans);
      return found;
    });
    expect(before.map((match) => match.id)).toEqual(tied(5).slice(0, 5));
    const filtered = await searchKnowledgeChunks(ctx.db, {
      vector: direction(5),
      k: 3,
      model: MODEL,
      activeOnly: false,
      phase: 2,
    });
    expect(filtered.map((match) => match.id)).toEqual(
      rows
        .get("knowledge")!
        .filter((row, index) => row.direction === 5 && 1 + (index % 4) === 2)
        .map((row) => row.id)
        .sort()
        .slice(0, 3),
    );
    await reload("knowledge_chunks", "chunk_id LIKE 'ties\\_%'");
    expect(await search(5)).toEqual(before);
  });
});
