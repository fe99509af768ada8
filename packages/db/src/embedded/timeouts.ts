// A connection's lock_timeout and statement_timeout, which bound its wait for an advisory lock.
import type { Settings } from "./session.ts";
import type { ErrorFields } from "./wire.ts";

const UNITS: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Milliseconds of a duration setting as current_setting shows it ("2s", "150ms", "0"); 0 means none. */
export const durationMs = (value: string | undefined) => {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(value) : null;
  return match ? Number(match[1]) * (UNITS[match[2] ?? "ms"] ?? 1) : 0;
};

/** The shorter of the connection's timeouts that apply to a lock wait, with the error each ends it with. */
export const waitLimit = (settings: Settings): { ms: number; error: ErrorFields } | undefined => {
  const limits = [
    {
      ms: durationMs(settings.get("lock_timeout")),
      error: {
        severity: "ERROR",
        code: "55P03",
        message: "canceling statement due to lock timeout",
      } as const,
    },
    {
      ms: durationMs(settings.get("statement_timeout")),
      error: {
        severity: "ERROR",
        code: "57014",
        message: "canceling statement due to statement timeout",
      } as const,
    },
  ].filter((limit) => limit.ms > 0);
  return limits.sort((a, b) => a.ms - b.ms)[0];
};
