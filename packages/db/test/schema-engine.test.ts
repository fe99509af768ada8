import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  runCommand,
  runPrisma,
  SCHEMA_ENGINE_BIN,
  testTargets,
  type CommandResult,
  type TestDatabase,
} from "../src/testing/index.ts";
import {
  addMigration,
  createPrismaProject,
  query,
  REPO_SCHEMA,
  type PrismaProject,
} from "./fixtures/prisma-project.ts";

const packageRoot = path.join(import.meta.dirname, "..");
const UNREACHABLE_URL = "postgresql://postgres@127.0.0.1:1/x";
const output = ({ stdout, stderr }: CommandResult) => `${stdout}\n${stderr}`;

type RpcMessage = {
  jsonrpc: "2.0";
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: Record<string, unknown> };
};

/**
 * The schema engine stand-in driven the way the Prisma CLI drives it: JSON-RPC request lines on
 * stdin, responses (and the engine's own `print` requests) as lines on stdout.
 */
class EngineProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every message the engine wrote on stdout, in order. */
  readonly received: RpcMessage[] = [];
  /** stdout lines that were not JSON (stdout must carry JSON-RPC only). */
  readonly notJson: string[] = [];
  stderr = "";
  private readonly waiting = new Map<number, (message: RpcMessage) => void>();
  private readonly listeners = new Set<(message: RpcMessage) => void>();
  readonly exited: Promise<number | null>;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [SCHEMA_ENGINE_BIN, ...args], {
      cwd: packageRoot,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stderr.on("data", (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      let message: RpcMessage;
      try {
        message = JSON.parse(line) as RpcMessage;
      } catch {
        this.notJson.push(line);
        return;
      }
      this.received.push(message);
      for (const listener of this.listeners) listener(message);
      if (message.method === undefined && typeof message.id === "number") {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      }
    });
  }

  writeLine(line: string) {
    this.child.stdin.write(`${line}\n`);
  }

  /** Sends a request and resolves with its response, failing after `timeoutMs`. */
  request(id: number, method: string, params?: unknown, timeoutMs = 30_000): Promise<RpcMessage> {
    const response = new Promise<RpcMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no response to ${method} (#${id}) in ${timeoutMs} ms; stderr:\n${this.stderr}`)),
        timeoutMs,
      );
      this.waiting.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
    this.writeLine(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    return response;
  }

  /** The next engine→client request for `method`. */
  nextRequest(method: string, timeoutMs = 30_000): Promise<RpcMessage> {
    return new Promise((resolve, reject) => {
      const listener = (message: RpcMessage) => {
        if (message.method !== method) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(message);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`the engine sent no ${method} request in ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** Closes stdin and resolves with the exit code, or `"timeout"` if the engine is still running after `timeoutMs`. */
  async closeStdin(timeoutMs = 5_000): Promise<number | null | "timeout"> {
    this.child.stdin.end();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    return result;
  }

  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}

const schemaFiles = async () =>
  (await readdir(REPO_SCHEMA)).filter((name) => name.endsWith(".prisma")).map((name) => path.join(REPO_SCHEMA, name));

/** `cli <command>` on the engine, as the CLI runs it for `migrate dev`'s database checks. */
const engineCli = (url: string, command: string) =>
  runCommand(process.execPath, [SCHEMA_ENGINE_BIN, "--datasource", JSON.stringify({ url }), "cli", command], {
    timeoutMs: 30_000,
  });

/** The CLI drops the first stderr line of a failed `cli` command and reads the rest as JSON log lines. */
const cliErrorCodes = (stderr: string) =>
  stderr
    .split("\n")
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { level: string; fields: { error_code?: string; message: string } })
    .filter((log) => log.level === "ERROR")
    .map((log) => log.fields.error_code);

describe("cto-schema-engine without a database", () => {
  let project: PrismaProject;

  beforeAll(async () => {
    project = await createPrismaProject();
  });
  afterAll(async () => {
    await project?.remove();
  });

  it("--version prints one line and exits 0", async () => {
    const result = await runCommand(process.execPath, [SCHEMA_ENGINE_BIN, "--version"], { timeoutMs: 30_000 });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n").filter((line) => line.length);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^schema-engine-wasm \S+/);
    expect(result.stdout.endsWith("\n")).toBe(true);
  });

  it("migrate status on an unreachable database fails with P1001", async () => {
    const result = await runPrisma(["migrate", "status", "--config", project.configPath], {
      databaseUrl: UNREACHABLE_URL,
      timeoutMs: 60_000,
    });
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("P1001");
    expect(output(result)).toContain("Can't reach database server at `127.0.0.1:1`");
  });

  it("cli can-connect-to-database reports P1001 for an unreachable server, as the CLI parses it", async () => {
    const result = await engineCli(UNREACHABLE_URL, "can-connect-to-database");
    expect(result.code).not.toBe(0);
    expect(cliErrorCodes(result.stderr)).toEqual(["P1001"]);
  });

  it("exits when stdin closes, before any request", async () => {
    const engine = new EngineProcess([
      "--datamodels",
      ...(await schemaFiles()),
      "--datasource",
      JSON.stringify({ url: UNREACHABLE_URL }),
    ]);
    try {
      expect(await engine.closeStdin()).toBe(0);
    } finally {
      engine.kill();
    }
  });
});

describe.each(testTargets())("cto-schema-engine on $name", (target) => {
  let database: TestDatabase;
  let project: PrismaProject;
  const engines: EngineProcess[] = [];
  const startEngine = async () => {
    const engine = new EngineProcess([
      "--datamodels",
      ...(await schemaFiles()),
      "--datasource",
      JSON.stringify({ url: database.url }),
    ]);
    engines.push(engine);
    return engine;
  };

  beforeAll(async () => {
    project = await createPrismaProject();
    database = await target.createEmpty();
  });
  afterAll(async () => {
    for (const engine of engines) engine.kill();
    await database?.drop();
    await project?.remove();
  });

  it("answers JSON-RPC requests: results, errors, void methods, diff's print request; survives bad input; exits when stdin closes", async () => {
    const engine = await startEngine();

    const version = await engine.request(1, "getDatabaseVersion", {
      datasource: { tag: "ConnectionString", url: database.url },
    });
    expect(version.error).toBeUndefined();
    expect(version.result).toEqual(expect.stringContaining("PostgreSQL"));

    const unknown = await engine.request(2, "noSuchMethod", {});
    expect(unknown.result).toBeUndefined();
    expect(unknown.error?.code).toBe(4466);
    expect(unknown.error?.message).toContain("Unknown schema engine method `noSuchMethod`");
    expect(unknown.error?.data).toMatchObject({ is_panic: false, message: unknown.error?.message });

    // `free` is a method of the WASM class but would destroy the engine: it must be refused, not called.
    const free = await engine.request(3, "free", {});
    expect(free.error?.code).toBe(4466);

    engine.writeLine("{ this is not json");
    const afterGarbage = await engine.request(4, "getDatabaseVersion", {
      datasource: { tag: "ConnectionString", url: database.url },
    });
    expect(afterGarbage.error).toBeUndefined();
    expect(afterGarbage.result).toEqual(version.result);
    // stderr is a separate pipe: its warning may arrive after the next response.
    await expect.poll(() => engine.stderr, { timeout: 2_000, interval: 50 }).toContain("unparsable request");

    const valid = await engine.request(5, "ensureConnectionValidity", {
      datasource: { tag: "ConnectionString", url: database.url },
    });
    expect(valid.error).toBeUndefined();
    expect(valid).toHaveProperty("result");
    expect(valid.result).toEqual({});
    // The WASM engine itself answers ensureConnectionValidity with {}; dbExecute resolves to undefined,
    // so only the stand-in's `result ?? {}` gives it the `result` the CLI insists on.
    const executed = await engine.request(6, "dbExecute", {
      datasourceType: { tag: "url", url: database.url },
      script: "SELECT 1;",
    });
    expect(executed.error).toBeUndefined();
    expect(executed).toHaveProperty("result");
    expect(executed.result).toEqual({});

    const print = engine.nextRequest("print");
    const diffResponse = engine.request(7, "diff", {
      from: { tag: "empty" },
      to: {
        tag: "schemaDatamodel",
        files: [
          {
            path: "probe.prisma",
            content: 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Probe {\n  id Int @id\n}\n',
          },
        ],
      },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    const printRequest = await print;
    expect(typeof printRequest.id).toBe("number");
    expect((printRequest.params as { content: string }).content).toMatch(/CREATE TABLE "(public"\.")?Probe"/);
    // The engine waits for the client's answer before it answers the diff itself.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(engine.received.some((message) => message.id === 7)).toBe(false);
    engine.writeLine(JSON.stringify({ jsonrpc: "2.0", id: printRequest.id, result: {} }));
    const diff = await diffResponse;
    expect(diff.error).toBeUndefined();
    expect(diff.result).toMatchObject({ exitCode: 2 });
    expect(engine.received.indexOf(printRequest)).toBeLessThan(engine.received.indexOf(diff));

    // Its database pool is open now; closing stdin must still end the process promptly.
    expect(await engine.closeStdin()).toBe(0);
    expect(engine.notJson).toEqual([]);
  });

  it("migrate diff --to-schema on a syntactically bad schema fails with Prisma's validation error", async () => {
    const bad = path.join(project.dir, "bad.prisma");
    await writeFile(
      bad,
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel Broken {\n  id   Int @id\n  name Strin g\n}\n',
    );
    const result = await runPrisma(
      ["migrate", "diff", "--config", project.configPath, "--from-empty", "--to-schema", bad, "--script"],
      {
        // The WASM engine connects when it starts, so even a diff between files needs a reachable database.
        databaseUrl: database.url,
        timeoutMs: 60_000,
      },
    );
    expect(result.code).not.toBe(0);
    expect(output(result)).toContain("P1012");
    expect(output(result)).toContain("Error validating: This line is not a valid field or attribute definition.");
    expect(output(result)).toMatch(/bad\.prisma:7/);
    expect(result.stdout).not.toContain("CREATE TABLE");
  });

  it("cli can-connect-to-database exits 0 for a reachable database", async () => {
    const result = await engineCli(database.url, "can-connect-to-database");
    expect(result.code, result.stderr).toBe(0);
  });

  it.runIf(target.name === "postgres")(
    "cli can-connect-to-database reports P1003 for a missing database on a reachable server",
    async () => {
      const missing = new URL(inject("ctoPostgres")!.adminUrl);
      missing.pathname = `/cto_missing_${Date.now()}`;
      const result = await engineCli(missing.toString(), "can-connect-to-database");
      expect(result.code).not.toBe(0);
      expect(cliErrorCodes(result.stderr)).toEqual(["P1003"]);
    },
  );

  it("a failing migration: migrate deploy fails with P3018 and the database error, migrate status reports it", async () => {
    const failing = "20991231000000_violates_check";
    await addMigration(
      project,
      failing,
      `ALTER TABLE "persons" ADD COLUMN "half_applied" INTEGER;
-- knowledge_chunks_phase_check: phase IS NULL OR phase >= 1
INSERT INTO "knowledge_chunks" ("chunk_id", "version", "source", "text_content", "embedding_text", "updated_at", "phase")
VALUES ('bad', '1', 'test', 't', 'e', now(), 0);
`,
    );
    const prisma = (args: string[]) =>
      runPrisma([...args, "--config", project.configPath], { databaseUrl: database.url, timeoutMs: 90_000 });

    const deploy = await prisma(["migrate", "deploy"]);
    expect(deploy.code).not.toBe(0);
    const text = output(deploy);
    expect(text).toContain("P3018");
    expect(text).toContain(`Migration name: ${failing}`);
    expect(text).toContain("Database error code: 23514");
    expect(text).toContain('violates check constraint "knowledge_chunks_phase_check"');

    const migrations = await query<{ migration_name: string; failed: boolean }>(
      database.url,
      `SELECT migration_name, finished_at IS NULL AS failed FROM _prisma_migrations WHERE migration_name = $1`,
      [failing],
    );
    expect(migrations).toEqual([{ migration_name: failing, failed: true }]);
    // The script ran as one implicit transaction: its first statement was rolled back with the rest.
    expect(
      await query(
        database.url,
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'persons' AND column_name = 'half_applied'`,
      ),
    ).toEqual([]);

    const status = await prisma(["migrate", "status"]);
    expect(status.code).not.toBe(0);
    expect(output(status)).toContain("Following migration have failed");
    expect(output(status)).toContain(failing);

    const again = await prisma(["migrate", "deploy"]);
    expect(again.code).not.toBe(0);
    expect(output(again)).toContain("P3009");
  });
});
