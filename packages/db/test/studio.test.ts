import { spawn } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CTO_PRISMA_BIN, freePort, testTargets, type TestDatabase } from "../src/testing/index.ts";

// Studio needs no schema engine, but it runs through the same offline wrapper as every other command.
describe.each(testTargets())("prisma studio on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.createMigrated();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("serves its UI on localhost", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CTO_PRISMA_BIN, "studio", "--port", String(port), "--browser", "none"], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    try {
      const deadline = Date.now() + 60_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200 && child.exitCode === null) {
        status = await fetch(`http://127.0.0.1:${port}/`).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(status, output).toBe(200);
      expect(output).toContain(`Prisma Studio is running at: http://localhost:${port}`);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
