import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

export type MigrationAdapterOptions = {
  url: string;
  /** An explicit shadow database; without one, a throw-away database is created on the main server. */
  shadowDatabaseUrl?: string | undefined;
};

// Type OIDs that @prisma/adapter-pg knows how to describe; every other catalog type is read as text.
const SUPPORTED_TYPE_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560,
  1562, 1700, 2950, 3802, 143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028,
  1041, 1115, 1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807,
]);
const CHAR_OID = 18;
const TEXT_OID = 25;
const FIRST_USER_OID = 10_000;

type QueryResult = { fields: { dataTypeID: number }[] } | undefined;
type Patchable = {
  performIO: (query: object) => Promise<QueryResult>;
  client: pg.Pool | pg.PoolClient;
  onError: (error: unknown) => never;
};

/** A migration script PostgreSQL refused, with its error (the WASM engine passes on only a summary of it). */
export type ScriptFailure = {
  script: string;
  error: { message?: string; code?: string; detail?: string; hint?: string; position?: string };
};
let lastScriptFailure: ScriptFailure | undefined;

/** The script that failed last on any adapter of this process, if any; forgets it. */
export const takeLastScriptFailure = (): ScriptFailure | undefined => {
  const failure = lastScriptFailure;
  lastScriptFailure = undefined;
  return failure;
};

/**
 * Two faults of @prisma/adapter-pg break migrations and are mended on each adapter instance:
 * - catalog types are not described: the engine reads `"char"` columns (OID 18, e.g.
 *   `pg_constraint.contype`) as the Character column type and other catalog types as text,
 *   so describing a database with a CHECK constraint no longer fails;
 * - `executeScript` splits scripts on every `;`, which breaks functions with `$$` bodies;
 *   PostgreSQL's simple-query protocol runs a multi-statement script as sent, so it is used instead.
 */
const mendAdapter = <T extends SqlDriverAdapter>(adapter: T): T => {
  const patchable = adapter as unknown as Patchable;
  const charColumnsOf = new WeakMap<object, number[]>();
  const performIO = patchable.performIO.bind(adapter);
  patchable.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result?.fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) charColumns.push(index);
      if (field.dataTypeID < FIRST_USER_OID && !SUPPORTED_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    if (charColumns.length) charColumnsOf.set(query, charColumns);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOf.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await patchable.client.query(script);
    } catch (error) {
      lastScriptFailure = { script, error: (error ?? {}) as ScriptFailure["error"] };
      patchable.onError(error);
    }
  };
  return adapter;
};

const databaseUrlFor = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Empties a database that the caller named as the shadow database (the WASM engine never cleans it). */
const emptyDatabase = async (url: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
       WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
         AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'`,
    );
    const drops = rows.map(({ nspname }) => `DROP SCHEMA IF EXISTS ${quoteIdent(nspname)} CASCADE;`).join("\n");
    await client.query(`${drops}\nCREATE SCHEMA IF NOT EXISTS public;`);
  } finally {
    await client.end();
  }
};

/**
 * The adapter factory the WASM schema engine migrates through: the main database via
 * @prisma/adapter-pg, and a shadow database that is really separate and really cleaned up
 * (PrismaPg.connectToShadowDb reuses the main database when built from a connection string).
 */
export const createMigrationAdapterFactory = ({ url, shadowDatabaseUrl }: MigrationAdapterOptions) => {
  const main = new PrismaPg({ connectionString: url });

  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    if (shadowDatabaseUrl) {
      await emptyDatabase(shadowDatabaseUrl);
      return mendAdapter(await new PrismaPg({ connectionString: shadowDatabaseUrl }).connect());
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    await admin.end();
    const shadow = mendAdapter(await new PrismaPg({ connectionString: databaseUrlFor(url, name) }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await cleaner.end();
    };
    return shadow;
  };

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => mendAdapter(await main.connect()),
    connectToShadowDb,
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
};
