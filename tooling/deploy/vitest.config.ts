import { baseConfig } from "@cto/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

export default mergeConfig(baseConfig, defineConfig({ test: {} }));
