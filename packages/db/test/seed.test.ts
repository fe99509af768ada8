import pg from "pg";
import { describe, expect, it } from "vitest";

import { DEMO_USER, seedDemoData } from "../src/seed/index.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

/** Every table's row count and a digest of its full contents, to compare the database before and after. */
const snapshot = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    );
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { table_name } of tables) {
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*)::text AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table_name}" t`,
      );
      result[table_name] = { rows: Number(rows[0]!.rows), digest: rows[0]!.digest ?? "" };
    }
    return result;
  } finally {
    await client.end();
  }
};

describe.each(testTargets())("seed on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("touches every model", async () => {
    await seedDemoData(handle.db);
    const counts = await snapshot(handle.database.url);
    const empty = Object.entries(counts)
      .filter(([, { rows }]) => rows === 0)
      .map(([table]) => table);
    expect(empty).toEqual([]);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(38);
    expect(await handle.db.user.findUnique({ where: { email: DEMO_USER.email } })).toMatchObject({
      role: "ADMIN",
      name: DEMO_USER.name,
    });
  });

  it("changes nothing when run a second time", async () => {
    const before = await snapshot(handle.database.url);
    await seedDemoData(handle.db, { now: new Date(Date.now() + 86_400_000) });
    expect(await snapshot(handle.database.url)).toEqual(before);
  });
});
