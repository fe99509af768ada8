import { createLogger as createPinoLogger, type TLogger as TPinoLogger, type TLogLevel } from "@cto/log/logger";

export type TLogFields = Record<string, unknown>;

/** The worker's logging surface: message first, then fields (every processor uses it); `pino` is the logger under it. */
export type TLogger = {
  info: (msg: string, fields?: TLogFields) => void;
  warn: (msg: string, fields?: TLogFields) => void;
  error: (msg: string, fields?: TLogFields) => void;
  child: (fields: TLogFields) => TLogger;
  pino: TPinoLogger;
};

const adapt = (logger: TPinoLogger): TLogger => ({
  info: (msg, fields = {}) => logger.info(fields, msg),
  warn: (msg, fields = {}) => logger.warn(fields, msg),
  error: (msg, fields = {}) => logger.error(fields, msg),
  child: (fields) => adapt(logger.child(fields)),
  pino: logger,
});

/**
 * One JSON object per line (Cto's one format, see @cto/log: redacted, named `worker`), so a log
 * shipper can index queue, job id and attempt without parsing prose. `write` receives each line
 * instead of stdout (tests).
 */
export const createLogger = (
  base: TLogFields = {},
  write?: (line: string) => void,
  level: TLogLevel = "info",
): TLogger => {
  const logger = createPinoLogger({ name: "worker", level, ...(write ? { destination: { write } } : {}) });
  return adapt(Object.keys(base).length ? logger.child(base) : logger);
};
