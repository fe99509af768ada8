// How `npm start` shows the lines of its processes (the database steps, the API, the worker, the web
// app and its own): one format for all. In development each line is printed by pino-pretty behind a
// fixed-width prefix naming its process; in production each stays (or becomes) one JSON object with
// the process `name`, redacted, for a log shipper.
import { prettyFactory } from "pino-pretty";

import { redactText } from "@cto/log/redact";

export type TLogFormat = "pretty" | "json";
export type TProcessName = "cto" | "db" | "api" | "worker" | "web";

/** `json` under NODE_ENV=production, else `pretty`. */
export const logFormatFor = (nodeEnv: string | undefined): TLogFormat => (nodeEnv === "production" ? "json" : "pretty");

const PREFIX_WIDTH = 6;
// ANSI colours per process, only when the terminal shows them.
const COLOURS: Record<TProcessName, number> = { cto: 35, db: 34, api: 36, worker: 33, web: 32 };

const parseJsonLine = (line: string): Record<string, unknown> | null => {
  if (!line.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === "object" && !Array.isArray(value) && "msg" in value
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

/**
 * A function turning one line a process wrote (a JSON log line, or plain text such as Vite's or a
 * stack trace Node printed itself) into what `npm start` prints, newline included.
 */
export const createLineFormatter = ({
  format,
  colour = false,
  now = () => new Date(),
}: {
  format: TLogFormat;
  colour?: boolean;
  now?: () => Date;
}) => {
  const pretty = prettyFactory({
    colorize: colour,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,name,req,res",
    singleLine: true,
  });
  return (name: TProcessName, raw: string): string => {
    const entry = parseJsonLine(raw);
    // Log lines are redacted where they are written. Plain text (a tool's output) is redacted here when
    // it leaves the machine as a log; on the developer's own console it stays as the tool wrote it.
    const line = entry || format === "pretty" ? raw : redactText(raw);
    if (format === "json")
      return `${JSON.stringify(entry ? { ...entry, name: entry.name ?? name } : { level: "info", time: now().toISOString(), name, msg: line })}\n`;
    const label = name.padEnd(PREFIX_WIDTH);
    const prefix = `${colour ? `\u001b[${COLOURS[name]}m${label}\u001b[0m` : label} │ `;
    const text = entry ? pretty(entry).trimEnd() : line;
    return `${text
      .split("\n")
      .map((part) => prefix + part)
      .join("\n")}\n`;
  };
};

/** Feeds `stream`'s complete lines (and a last unterminated one at its end) to `onLine`. */
export const eachLine = (stream: NodeJS.ReadableStream, onLine: (line: string) => void) => {
  let pending = "";
  stream.on("data", (chunk: Buffer | string) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(line.replace(/\r$/, ""));
  });
  stream.on("end", () => {
    if (pending.trim()) onLine(pending);
    pending = "";
  });
};
