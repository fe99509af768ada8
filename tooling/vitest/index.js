// Plain JavaScript: vitest loads config files with Node, which cannot import TypeScript from a workspace package.
import { defineConfig } from "vitest/config";

/**
 * The one vitest configuration every package extends.
 * Database tests start servers and run migrations, so timeouts are generous
 * and files run one at a time: two cores, and one real PostgreSQL shared by all.
 */
export const baseConfig = defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
