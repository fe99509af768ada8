import { execFile } from "node:child_process";
import { promisify } from "node:util";

import pg from "pg";

const run = promisify(execFile);

/** The streaming replica tooling/scripts/ensure-pg-replica.sh makes of the local server. */
export const DEFAULT_TEST_REPLICA_URL = "postgresql://postgres@127.0.0.1:5433/postgres";

export type TestReplica = {
  /** The replica's URL for a database whose primary URL is given (same name, user and options). */
  urlFor: (primaryUrl: string) => string;
  /** Waits until the replica has replayed everything the primary had written when it was called. */
  catchUp: (timeoutMs?: number) => Promise<void>;
  /** Stops replaying WAL (the replica stays up and answers, older and older). */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Stops the replica's server (fast shutdown), as an outage would. */
  stop: () => Promise<void>;
  /** Starts it again and waits until it streams. */
  start: () => Promise<void>;
  /** Releases the hold on the replica that `findTestReplica` took. */
  release: () => Promise<void>;
};

const query = async <T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
};

const until = async (what: string, test: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await test().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`the test replica: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

// Every test file that pauses, stops or depends on the one replica holds this lock on the primary while
// it runs, so two packages' files running at once cannot stop it under each other.
const REPLICA_LOCK = 7_204_733;

/**
 * The local streaming replica of the test server (TEST_DATABASE_REPLICA_URL, by default port 5433), held
 * for this file until `release()`; the reason when there is none. Stopping and starting it needs the
 * rights to run `pg_ctlcluster` (Debian) or `pg_ctl` as the server's owner: root or postgres, as in CI.
 */
export const findTestReplica = async (adminUrl: string): Promise<TestReplica | { reason: string }> => {
  const replicaAdminUrl = process.env.TEST_DATABASE_REPLICA_URL ?? DEFAULT_TEST_REPLICA_URL;
  let settings: { standby: boolean; cluster: string; dataDir: string; port: number };
  try {
    const [row] = await query<{ standby: boolean; cluster: string; data_dir: string; port: number }>(
      replicaAdminUrl,
      "SELECT pg_is_in_recovery() AS standby, current_setting('cluster_name') AS cluster, current_setting('data_directory') AS data_dir, inet_server_port() AS port",
    );
    settings = { standby: row!.standby, cluster: row!.cluster, dataDir: row!.data_dir, port: row!.port };
  } catch (error) {
    return {
      reason: `no replica at ${new URL(replicaAdminUrl).host} (run tooling/scripts/ensure-pg-replica.sh): ${(error as Error).message}`,
    };
  }
  if (!settings.standby) return { reason: `${new URL(replicaAdminUrl).host} is not a replica (not in recovery)` };

  const lock = new pg.Client({ connectionString: adminUrl });
  await lock.connect();
  await lock.query("SELECT pg_advisory_lock($1)", [REPLICA_LOCK]);

  const urlFor = (primaryUrl: string) => {
    const url = new URL(primaryUrl);
    const replica = new URL(replicaAdminUrl);
    url.hostname = replica.hostname;
    url.port = replica.port;
    return url.toString();
  };
  const streams = async () => {
    const [row] = await query<{ streaming: boolean }>(
      replicaAdminUrl,
      "SELECT pg_is_in_recovery() AND (SELECT status = 'streaming' FROM pg_stat_wal_receiver) AS streaming",
    );
    return row?.streaming === true;
  };
  const catchUp = async (timeoutMs = 30_000) => {
    const [{ lsn }] = (await query<{ lsn: string }>(adminUrl, "SELECT pg_current_wal_lsn()::text AS lsn")) as [
      { lsn: string },
    ];
    await until(
      `replaying up to ${lsn}`,
      async () =>
        (
          await query<{ done: boolean }>(replicaAdminUrl, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [
            lsn,
          ])
        )[0]?.done === true,
      timeoutMs,
    );
  };
  // Debian names its clusters "<major>/<name>"; elsewhere the data directory is all pg_ctl needs.
  const [major, name] = settings.cluster.split("/");
  const control = async (action: "start" | "stop") => {
    if (major && name) await run("pg_ctlcluster", [major, name, action, ...(action === "stop" ? ["-m", "fast"] : [])]);
    else {
      const args = [
        "-D",
        settings.dataDir,
        "-w",
        ...(action === "stop"
          ? ["-m", "fast", "stop"]
          : ["-o", `-p ${settings.port}`, "-l", `${settings.dataDir}/replica.log`, "start"]),
      ];
      await (process.getuid?.() === 0
        ? run("runuser", ["-u", "postgres", "--", "pg_ctl", ...args])
        : run("pg_ctl", args));
    }
  };

  return {
    urlFor,
    catchUp,
    pauseReplay: async () => {
      await query(replicaAdminUrl, "SELECT pg_wal_replay_pause()");
    },
    resumeReplay: async () => {
      await query(replicaAdminUrl, "SELECT pg_wal_replay_resume()");
    },
    stop: () => control("stop"),
    start: async () => {
      await control("start");
      await until("streaming after a start", streams, 30_000);
    },
    release: async () => {
      // A paused or stopped replica is put back for whoever holds it next.
      await query(replicaAdminUrl, "SELECT pg_wal_replay_resume()").catch(() => control("start"));
      await until("streaming again", streams, 30_000).catch(() => undefined);
      await lock.end();
    },
  };
};
