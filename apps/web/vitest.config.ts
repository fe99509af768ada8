import { createRequire } from "node:module";

import { baseConfig } from "@cto/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// The real-PostgreSQL template database (and its skip/fail rules) come from @cto/db's test setup.
const dbSetup = createRequire(import.meta.url).resolve("@cto/db/testing/global-setup");

/**
 * Two projects: component tests in happy-dom, and the e2e tests (real API, built SPA, Chromium),
 * which build the app once in their global setup. (`extends: true` concatenates the base `include`,
 * hence the excludes.)
 */
export default mergeConfig(
  baseConfig,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: "components", include: ["src/**/*.test.{ts,tsx}"], exclude: ["e2e/**", "node_modules/**"], environment: "happy-dom" } },
        { extends: true, test: { name: "e2e", include: ["e2e/**/*.e2e.test.ts"], exclude: ["src/**", "node_modules/**"], environment: "node", globalSetup: [dbSetup, "./e2e/global-setup.ts"] } },
      ],
    },
  }),
);
