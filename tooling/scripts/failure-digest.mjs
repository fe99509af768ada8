// What CI shows of a run is mostly its end, and a run of every package prints tens of thousands of lines:
// the lines that say why something failed are kept as they pass and repeated after the run.
import { stripVTControlCharacters } from "node:util";

// vitest's FAIL header (a file, or a test with its error and source after it), a failed test's ×, an unhandled
// error, a type error, a lint error, or a package manager's failure line.
const FAILURE_START = [/\bFAIL\b/, /Unhandled (Error|Rejection)/, /\s×\s/, /error TS\d+/, /\bERR!|ELIFECYCLE/];
const LINES_AFTER_START = 8;
const MOST_LINES = 120;

// turbo prefixes each line with its task ("@cto/db:test: "), and two tasks' lines interleave: what follows a
// failure is read from the same task only.
const TASK_PREFIX = /^(\S+:\S+): /;

/** A collector fed every line of a run's output; `lines` holds each failure's first line and a few after it. */
export function collectFailures({ linesAfterStart = LINES_AFTER_START, mostLines = MOST_LINES } = {}) {
  const lines = [];
  const following = new Map();
  const collector = {
    lines,
    truncated: false,
    read(line) {
      const plain = stripVTControlCharacters(line);
      const task = TASK_PREFIX.exec(plain)?.[1] ?? "";
      if (FAILURE_START.some((pattern) => pattern.test(plain))) following.set(task, linesAfterStart + 1);
      const left = following.get(task) ?? 0;
      if (left === 0) return;
      if (lines.length < mostLines) lines.push(plain);
      else collector.truncated = true;
      following.set(task, left - 1);
    },
  };
  return collector;
}
