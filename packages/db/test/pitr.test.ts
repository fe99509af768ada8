import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdtemp, rm, writeFile, appendFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort, runCommand } from "../src/testing/index.ts";
import { query } from "./fixtures/prisma-project.ts";

/**
 * Point-in-time recovery as packages/db/README.md documents it ("Backups"), on a throwaway cluster of
 * the local PostgreSQL's version in a temporary folder and on a free port (the shared server on 5432 is
 * never reconfigured): WAL archived by pgBackRest's archive-push, a full backup, a mistake, and a
 * restore to the moment before it.
 */
const newestMajor = () => {
  const majors = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").filter((dir) => existsSync(`/usr/lib/postgresql/${dir}/bin/initdb`))
    : [];
  return majors.sort((a, b) => Number(b) - Number(a))[0];
};
const hasPgBackRest = () => {
  try {
    execFileSync("pgbackrest", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const major = newestMajor();
const isRoot = process.getuid?.() === 0;
const missing = [
  !major && "PostgreSQL's server binaries (initdb)",
  !hasPgBackRest() && "pgbackrest (tooling/scripts/ensure-pgbackrest.sh)",
  !isRoot && "root, to run the cluster as the postgres user",
].filter(Boolean);
if (missing.length) {
  if (process.env.CI)
    throw new Error(`CI runs the point-in-time recovery drill and cannot: missing ${missing.join(", ")}`);
  console.warn(`\n[cto] point-in-time recovery drill SKIPPED: missing ${missing.join(", ")}\n`);
}

const uid = (name: string) => Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
const gid = (name: string) => Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());

describe.skipIf(missing.length > 0)("point-in-time recovery with pgBackRest", () => {
  let dir: string;
  let port: number;
  let url: string;
  const bin = (tool: string) => `/usr/lib/postgresql/${major}/bin/${tool}`;
  /** A command as the postgres user, which owns the cluster (PostgreSQL refuses to run as root). */
  const asPostgres = async (command: string, args: string[]) => {
    const result = await runCommand("runuser", ["-u", "postgres", "--", command, ...args], {
      cwd: dir,
      timeoutMs: 120_000,
    });
    if (result.code !== 0)
      throw new Error(
        `${path.basename(command)} ${args.join(" ")} failed (${result.code}):\n${result.stdout}\n${result.stderr}`,
      );
    return result.stdout;
  };
  const pgbackrest = (...args: string[]) =>
    asPostgres("pgbackrest", [`--config=${dir}/pgbackrest.conf`, "--stanza=cto", ...args]);
  const pgCtl = (...args: string[]) =>
    asPostgres(bin("pg_ctl"), ["-D", `${dir}/data`, "-l", `${dir}/server.log`, "-w", ...args]);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "cto-pitr-"));
    await chown(dir, uid("postgres"), gid("postgres"));
    await chmod(dir, 0o700);
    port = await freePort();
    url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    await asPostgres(bin("initdb"), ["-D", `${dir}/data`, "-U", "postgres", "--auth=trust", "--no-sync"]);
    // The settings the README gives for production, on a small cluster: archive every WAL segment
    // through pgBackRest (fsync off only because this cluster is thrown away).
    await appendFile(
      `${dir}/data/postgresql.conf`,
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "wal_level = replica",
        "archive_mode = on",
        `archive_command = 'pgbackrest --config=${dir}/pgbackrest.conf --stanza=cto archive-push %p'`,
        "shared_buffers = 16MB",
        "fsync = off",
        "",
      ].join("\n"),
    );
    await writeFile(
      `${dir}/pgbackrest.conf`,
      [
        "[global]",
        `repo1-path=${dir}/repo`,
        "repo1-retention-full=2",
        `log-path=${dir}/log`,
        `lock-path=${dir}/lock`,
        `spool-path=${dir}/spool`,
        "log-level-console=warn",
        "log-level-file=off",
        "start-fast=y",
        "",
        "[cto]",
        `pg1-path=${dir}/data`,
        `pg1-port=${port}`,
        `pg1-socket-path=${dir}`,
        "pg1-user=postgres",
        "",
      ].join("\n"),
    );
    await chown(`${dir}/pgbackrest.conf`, uid("postgres"), gid("postgres"));
    await pgCtl("start");
  }, 180_000);

  afterAll(async () => {
    if (!dir) return;
    await runCommand(
      "runuser",
      ["-u", "postgres", "--", bin("pg_ctl"), "-D", `${dir}/data`, "-m", "immediate", "-w", "stop"],
      { cwd: dir, timeoutMs: 60_000 },
    ).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it("archives WAL through archive_command, and a restore to a time before a mistake brings back what the mistake destroyed", async () => {
    await pgbackrest("stanza-create");
    // `check` forces a WAL switch and waits until archive_command has stored the segment.
    await pgbackrest("check");
    await query(
      url,
      "CREATE EXTENSION vector; CREATE TABLE notes (body text, embedding vector(3)); INSERT INTO notes VALUES ('in the backup', '[1,0,0]')",
    );
    await pgbackrest("backup", "--type=full");
    expect(await pgbackrest("info")).toMatch(/full backup: \d{8}-\d{6}F/);
    // pgBackRest records a backup's stop time in whole seconds and restores to a time only from a backup that
    // stopped before it, compared to the second: the target must fall in a later second than the backup's end.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    await query(url, "INSERT INTO notes VALUES ('written after the backup', '[0,1,0]')");
    const target = (await query<{ target: string }>(url, "SELECT clock_timestamp()::text AS target"))[0]!.target;
    // Commit times are compared with the target: the mistake must come measurably later.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await query(url, "DELETE FROM notes");
    await query(url, "SELECT pg_switch_wal()");
    await pgbackrest("check");
    expect(await query(url, "SELECT count(*)::int AS n FROM notes")).toEqual([{ n: 0 }]);
    const [archiver] = await query<{ failed: number }>(url, "SELECT failed_count::int AS failed FROM pg_stat_archiver");
    expect(archiver!.failed).toBe(0);

    await pgCtl("-m", "fast", "stop");
    await pgbackrest("restore", "--delta", "--type=time", `--target=${target}`, "--target-action=promote");
    await pgCtl("start");
    // Recovery replays the archived WAL up to the target, then promotes; reads may start a moment before.
    for (let attempt = 0; attempt < 120; attempt++) {
      const [state] = await query<{ recovering: boolean }>(url, "SELECT pg_is_in_recovery() AS recovering");
      if (!state!.recovering) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await query(url, "SELECT pg_is_in_recovery() AS recovering")).toEqual([{ recovering: false }]);
    expect(await query(url, "SELECT body, embedding::text FROM notes ORDER BY body")).toEqual([
      { body: "in the backup", embedding: "[1,0,0]" },
      { body: "written after the backup", embedding: "[0,1,0]" },
    ]);
    // The recovered cluster takes writes again (a new timeline).
    await query(url, "INSERT INTO notes VALUES ('after the recovery', '[0,0,1]')");
  }, 240_000);
});
