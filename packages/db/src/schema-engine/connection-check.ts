import pg from "pg";

export type ConnectionFailure = { errorCode: string; message: string };

type PgError = { code?: string; message?: string };

const describeTarget = (url: string) => {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port || "5432",
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
  };
};

/** Maps a connection failure to the Prisma error code the CLI knows how to explain. */
export const toConnectionFailure = (url: string, error: unknown): ConnectionFailure => {
  const { host, port, database } = describeTarget(url);
  const { code, message = String(error) } = (error ?? {}) as PgError;
  if (code === "3D000")
    return {
      errorCode: "P1003",
      message: `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`,
    };
  if (code === "28P01" || code === "28000")
    return {
      errorCode: "P1000",
      message: `Authentication failed against database server at \`${host}:${port}\`: ${message}`,
    };
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EHOSTUNREACH" || code === "ETIMEDOUT")
    return {
      errorCode: "P1001",
      message: `Can't reach database server at \`${host}:${port}\`. Please make sure your database server is running at \`${host}:${port}\`.`,
    };
  return { errorCode: "P1000", message };
};

export const canConnect = async (url: string): Promise<ConnectionFailure | undefined> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return toConnectionFailure(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** Creates the database named in the URL, connecting through the server's `postgres` database. */
export const createDatabase = async (url: string): Promise<{ databaseName: string }> => {
  const { database } = describeTarget(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  return { databaseName: database };
};
