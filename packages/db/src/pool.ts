import type { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Pool } from "pg";

/** The connection pool behind a client: connections open, idle, queries waiting for one, and the most it opens. */
export type TPoolStats = { total: number; idle: number; waiting: number; max: number };

/**
 * The adapter factory with the pool it connects kept in view. PrismaPg builds its pg Pool inside
 * `connect()` (again after a `$disconnect()`), so the pool is only reachable there; giving the
 * factory a pool of our own instead would depend on both sharing one copy of `pg` (it checks with
 * `instanceof`).
 */
export const watchPool = (factory: PrismaPg) => {
  let pool: Pool | null = null;
  const watched: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      pool = adapter.underlyingDriver();
      // A connection the server ends (a restart, a failover, a dropped database) while it is handed out and
      // between statements emits 'error' with nobody listening, which would end the process. Its next
      // statement fails on its own, and the pool drops it on release; this listener only keeps the process up.
      pool.on("connect", (client) => client.on("error", () => undefined));
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const stats = (): TPoolStats | null =>
    pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
  return { factory: watched, stats, driver: () => pool };
};
