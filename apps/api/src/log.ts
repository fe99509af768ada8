import { createLogger, type TLogger } from "@cto/log/logger";

/**
 * The API's one logger (JSON lines, redacted; see @cto/log). It starts at `warn`, so the tests that
 * build the app stay quiet; index.ts raises it to LOG_LEVEL. Requests log through a child bound to
 * their request id (`c.get("logger")`, see middleware/request-log.ts); code without a request uses this.
 */
// A line per request: batched, so that logging costs no system call per request (@cto/log's batchMs).
export const log: TLogger = createLogger({ name: "api", level: "warn", batchMs: 100 });
