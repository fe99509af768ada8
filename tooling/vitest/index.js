// Plain JavaScript: vitest loads config files with Node, which cannot import TypeScript from a workspace package.
import { defineConfig } from "vitest/config";

/**
 * Ends every run with one plain line, `N passed, N failed, N skipped`, which CI reads without
 * having to understand vitest's coloured summary.
 */
const plainSummaryReporter = {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      if (testModule.state() === "failed" && [...testModule.children.allTests()].length === 0) counts.failed += 1;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    counts.failed += unhandledErrors.length;
    console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  },
};

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
    reporters: ["default", plainSummaryReporter],
  },
});
