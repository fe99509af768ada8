import { describe, expect, it } from "vitest";

import { collectFailures } from "./failure-digest.mjs";

const passing = [
  "@cto/db:test:  \u001b[32m✓\u001b[39m test/client.test.ts (12 tests) 3021ms",
  "@cto/db:test:      \u001b[33m✓\u001b[39m migrate reset --force leaves a migrated, empty database 15581ms",
  "@cto/db:test: Raw query failed. Code: `42501`. Message: `must be owner of table audit_logs`",
  "@cto/db:test:  Test Files  26 passed (26)",
];

describe("collectFailures", () => {
  it("keeps nothing from a run that passed, expected errors in its logs included", () => {
    const failures = collectFailures();
    for (const line of passing) failures.read(line);
    expect(failures.lines).toEqual([]);
  });

  it("keeps vitest's FAIL header with the error and source after it, without colours", () => {
    const failures = collectFailures({ linesAfterStart: 2 });
    for (const line of [
      ...passing,
      "@cto/db:test: \u001b[41m\u001b[1m FAIL \u001b[22m\u001b[49m test/pgbouncer.test.ts > checkAppRole",
      "@cto/db:test: \u001b[31mTypeError\u001b[22m: checkAppRole is not a function",
      "@cto/db:test:  ❯ test/pgbouncer.test.ts:93:20",
      "@cto/db:test:     91|     const direct = createDb(…)",
      ...passing,
    ])
      failures.read(line);
    expect(failures.lines).toEqual([
      "@cto/db:test:  FAIL  test/pgbouncer.test.ts > checkAppRole",
      "@cto/db:test: TypeError: checkAppRole is not a function",
      "@cto/db:test:  ❯ test/pgbouncer.test.ts:93:20",
    ]);
  });

  it("follows a failure with its own task's lines only, when two tasks' output interleaves", () => {
    const failures = collectFailures({ linesAfterStart: 2 });
    for (const line of [
      "@cto/db:test:  FAIL  test/pitr.test.ts > restores to a time",
      "@cto/api:test:  ✓ test/mail.test.ts (16 tests) 19738ms",
      "@cto/db:test: Error: pgbackrest restore failed (75):",
      "@cto/api:test:      ✓ a password reset mails a link",
      "@cto/db:test: ERROR: [075]: unable to find backup set",
      "@cto/db:test:  ❯ asPostgres test/pitr.test.ts:60:13",
    ])
      failures.read(line);
    expect(failures.lines).toEqual([
      "@cto/db:test:  FAIL  test/pitr.test.ts > restores to a time",
      "@cto/db:test: Error: pgbackrest restore failed (75):",
      "@cto/db:test: ERROR: [075]: unable to find backup set",
    ]);
  });

  it("keeps type errors, lint errors and unhandled errors, and says when it stopped keeping", () => {
    const failures = collectFailures({ linesAfterStart: 0, mostLines: 3 });
    for (const line of [
      "@cto/api:typecheck: src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "//#lint: tooling/scripts/cto.mjs:126:35 lint/suspicious/noControlCharactersInRegex",
      "//#lint:   × Unexpected control character in a regular expression.",
      "@cto/api:test: ⎯⎯⎯ Unhandled Errors ⎯⎯⎯",
      "@cto/api:test: Vitest caught 1 unhandled error during the test run.",
      "@cto/web:test:  FAIL  e2e/chat.e2e.test.ts",
    ])
      failures.read(line);
    expect(failures.lines).toEqual([
      "@cto/api:typecheck: src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "//#lint:   × Unexpected control character in a regular expression.",
      "@cto/api:test: ⎯⎯⎯ Unhandled Errors ⎯⎯⎯",
    ]);
    expect(failures.truncated).toBe(true);
  });
});
