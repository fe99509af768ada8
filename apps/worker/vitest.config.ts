import { createRequire } from "node:module";

import { baseConfig } from "@cto/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// The real-PostgreSQL template database (and its skip/fail rules) come from @cto/db's test setup.
const globalSetup = createRequire(import.meta.url).resolve("@cto/db/testing/global-setup");

/**
 * Files share one module graph (`isolate: false`): each test builds its own deps (database, queues,
 * Redis prefix) and hands them to the jobs, so nothing a file needs lives in a module's state, and
 * importing the worker afresh for each file cost over two minutes of a CI run.
 */
export default mergeConfig(baseConfig, defineConfig({ test: { globalSetup: [globalSetup], isolate: false } }));
