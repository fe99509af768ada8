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
 * A child of `parent` bound to `fields`, made only once something logs through it: a job's logger, which most
 * jobs never use, costs no child logger of its own (pino serializes a child's bindings when it is made).
 */
export const lazyChild = (parent: TLogger, fields: TLogFields): TLogger => {
  let made: TLogger | undefined;
  const child = () => {
    made ??= parent.child(fields);
    return made;
  };
  return {
    info: (msg, more) => child().info(msg, more),
    warn: (msg, more) => child().warn(msg, more),
    error: (msg, more) => child().error(msg, more),
    child: (more) => child().child(more),
    get pino() {
      return child().pino;
    },
  };
};

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
