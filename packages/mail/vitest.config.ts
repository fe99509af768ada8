import { createRequire } from "node:module";

import { baseConfig } from "@cto/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// The real-PostgreSQL template database (and its skip/fail rules) come from @cto/db's test setup.
const globalSetup = createRequire(import.meta.url).resolve("@cto/db/testing/global-setup");

export default mergeConfig(baseConfig, defineConfig({ test: { globalSetup: [globalSetup] } }));
