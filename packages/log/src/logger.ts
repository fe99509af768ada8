import pino, { type DestinationStream, type Level, type Logger } from "pino";

import { errorToObject, redact, redactText } from "./redact.ts";

export type TLogger = Logger;
export type TLogLevel = Level | "silent";
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export type TLoggerOptions = {
  /** The process's name on every line (`api`, `worker`, `cto`): how `npm start` prefixes it. */
  name: string;
  level?: TLogLevel;
  /** Where lines go; stdout by default. Tests pass a stream that collects them. */
  destination?: DestinationStream;
  /**
   * Stdout only: write lines in batches (4 KB, or this many ms after the first) instead of one write per
   * line, which a process logging a line per request pays for in system calls. Flushed on exit; a
   * process killed outright loses at most this many ms of lines.
   */
  batchMs?: number;
};

/** Bytes of lines a batched stdout collects before it writes. */
const BATCH_BYTES = 4_096;

/**
 * Every argument of every log call is redacted before pino sees it (see redact.ts), child loggers
 * included, since pino's hooks are inherited. Errors become plain data there (type, message, stack,
 * own fields, cause); one given as the first argument becomes `err`.
 */
const logMethod: pino.LoggerOptions["hooks"] = {
  logMethod(args, method) {
    const [first, ...rest] = args as unknown[];
    if (first instanceof Error) {
      const message = typeof rest[0] === "string" ? rest.shift() : first.message;
      return method.apply(this, [
        redact({ err: errorToObject(first) }),
        redactText(String(message)),
        ...rest.map((arg) => redact(arg)),
      ] as never);
    }
    return method.apply(this, [redact(first), ...rest.map((arg) => redact(arg))] as never);
  },
};

/**
 * Cto's logger: one JSON object per line (time as ISO 8601, level as its name, the process `name`),
 * in every environment. Development reads them through `npm start`, which prints them with pino-pretty
 * and a prefix per process; production ships them as they are.
 */
export const createLogger = ({ name, level = "info", destination, batchMs }: TLoggerOptions): TLogger => {
  const logger = pino(
    {
      level,
      base: { name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // The hook has already turned errors into plain data; pino's own err serializer would retype them.
      serializers: { err: (value: unknown) => value },
      hooks: logMethod,
    },
    destination ??
      (batchMs
        ? pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES, periodicFlush: batchMs })
        : pino.destination({ dest: 1, sync: true })),
  );
  // Children are made from this instance's prototype chain, so this covers bindings at every depth
  // (pino resets `formatters.bindings` on children, so that formatter would not).
  const child = logger.child;
  logger.child = function (this: TLogger, bindings, options) {
    return child.call(this, redact(bindings) as pino.Bindings, options);
  } as TLogger["child"];
  return logger;
};
