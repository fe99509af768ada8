import { createRequire } from "node:module";

import { baseConfig } from "@cto/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

import type { TE2eTarget } from "./e2e/targets.ts";

// The real-PostgreSQL template database (and its skip/fail rules) come from @cto/db's test setup.
const dbSetup = createRequire(import.meta.url).resolve("@cto/db/testing/global-setup");

/**
 * Every e2e spec runs on the embedded database, which is what `npm start` gives a new user by default and
 * what no other suite drives through every feature. On real PostgreSQL, which the API's suites already cover
 * route by route (sign-in, two-factor, the admin's analytics included; tooling/deploy runs the built apps on
 * it too), the specs where the database's own behaviour shows in the browser: a new user's first hour,
 * streamed chat with its leases, and search by meaning (pgvector). Running all of them twice cost about 12
 * minutes of a CI run's budget.
 */
const E2E_SPECS = ["e2e/**/*.e2e.test.ts"];
const POSTGRES_E2E_SPECS = ["first-hour", "chat", "search"].map((name) => `e2e/${name}.e2e.test.ts`);

/**
 * Two e2e files at a time, from either project (one group, one pool of two workers): an e2e file spends
 * most of its time waiting on the browser, the API and the worker, not on a core, and each has a
 * database, ports, a Redis prefix and a browser of its own. Only the PostgreSQL project needs @cto/db's
 * setup (the server's template database, skipped or failed without one).
 */
const e2e = (name: string, target: TE2eTarget, include: string[]) => ({
  extends: true as const,
  test: {
    name,
    include,
    exclude: ["src/**", "node_modules/**"],
    environment: "node" as const,
    provide: { ctoE2eTarget: target },
    globalSetup: [...(target === "postgres" ? [dbSetup] : []), "./e2e/global-setup.ts"],
    fileParallelism: true,
    maxWorkers: 2,
    // Files share one module graph per worker (as the API's and the worker's suites do): each file still
    // starts its own stack and browser, and importing the API, the worker and Prisma once per worker
    // instead of once per file saves minutes.
    isolate: false,
    sequence: { groupOrder: 1 },
    // A page's data can take seconds to arrive when the machine is busy (two e2e files, a turbo task beside
    // them): a poll waits for it up to 10 s instead of vitest's default 1 s, as playwright's own expects do.
    expect: { poll: { timeout: 10_000 } },
  },
});

/**
 * Three projects: component tests in happy-dom, and the e2e tests (real API, built SPA, Chromium) on
 * each database target, which build the app once per run in their global setup. (`extends: true`
 * concatenates the base `include`, hence the excludes.)
 */
export default mergeConfig(
  baseConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "components",
            include: ["src/**/*.test.{ts,tsx}"],
            exclude: ["e2e/**", "node_modules/**"],
            environment: "happy-dom",
          },
        },
        e2e("e2e", "postgres", POSTGRES_E2E_SPECS),
        e2e("e2e-embedded", "embedded", E2E_SPECS),
      ],
    },
  }),
);
