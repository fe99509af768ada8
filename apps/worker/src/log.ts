export type TLogFields = Record<string, unknown>;

export type TLogger = {
  info: (msg: string, fields?: TLogFields) => void;
  warn: (msg: string, fields?: TLogFields) => void;
  error: (msg: string, fields?: TLogFields) => void;
  child: (fields: TLogFields) => TLogger;
};

const errorFields = (value: unknown) => (value instanceof Error ? { message: value.message, name: value.name, stack: value.stack } : value);

/**
 * One JSON object per line on stdout/stderr, so a log shipper can index queue, job id and attempt
 * without parsing prose. `write` is replaceable for tests.
 */
export const createLogger = (base: TLogFields = {}, write: (line: string, level: string) => void = defaultWrite): TLogger => {
  const emit = (level: string) => (msg: string, fields: TLogFields = {}) => {
    const entry: TLogFields = { time: new Date().toISOString(), level, msg, ...base };
    for (const [key, value] of Object.entries(fields)) entry[key] = errorFields(value);
    write(JSON.stringify(entry), level);
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error"), child: (fields) => createLogger({ ...base, ...fields }, write) };
};

const defaultWrite = (line: string, level: string) => (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
