// What CI shows of a run is mostly its end, and a run of every package prints tens of thousands of lines:
// the lines that say why something failed are kept as they pass and repeated after the run.
import { stripVTControlCharacters } from "node:util";

// vitest's FAIL header (a file, or a test with its error and source after it), a failed test's ×, an unhandled
// error, a type error, a lint error, or a package manager's failure line.
const FAILURE_START = [/\bFAIL\b/, /Unhandled (Error|Rejection)/, /\s×\s/, /error TS\d+/, /\bERR!|ELIFECYCLE/];
const LINES_AFTER_START = 8;
const MOST_LINES = 120;

/** A collector fed every line of a run's output; `lines` holds each failure's first line and a few after it. */
export function collectFailures({ linesAfterStart = LINES_AFTER_START, mostLines = MOST_LINES } = {}) {
  const lines = [];
  let following = 0;
  const collector = {
    lines,
    truncated: false,
    read(line) {
      const plain = stripVTControlCharacters(line);
      if (FAILURE_START.some((pattern) => pattern.test(plain))) following = linesAfterStart + 1;
      if (following > 0) {
        if (lines.length < mostLines) lines.push(plain);
        else collector.truncated = true;
        following -= 1;
      }
    },
  };
  return collector;
}
