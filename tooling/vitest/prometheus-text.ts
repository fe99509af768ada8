/** One sample of Prometheus's text exposition format: a series name, its labels, its value. */
export type TSample = { name: string; labels: Record<string, string>; value: number };

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;

const unescapeLabel = (value: string) => value.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));
// Scrapers read NaN and the infinities in any case (Go's ParseFloat); prom-client writes NaN as "Nan".
const number = (text: string) => {
  const lower = text.toLowerCase();
  return lower === "+inf" || lower === "inf"
    ? Infinity
    : lower === "-inf"
      ? -Infinity
      : lower === "nan"
        ? Number.NaN
        : Number(text);
};

/**
 * Parses the text format (version 0.0.4) as a scraper reads it; throws on a line it cannot read, so a
 * malformed exposition fails the test rather than losing series.
 */
export const parseExposition = (text: string): TSample[] =>
  text
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const match = SAMPLE.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      const body = match[2] ?? "";
      LABEL.lastIndex = 0;
      let read = 0;
      for (let label = LABEL.exec(body); label; label = LABEL.exec(body)) {
        labels[label[1]!] = unescapeLabel(label[2]!);
        read = LABEL.lastIndex;
      }
      if (read !== body.length) throw new Error(`unreadable labels: ${line}`);
      const value = number(match[3]!);
      if (Number.isNaN(value) && match[3]!.toLowerCase() !== "nan") throw new Error(`not a value: ${line}`);
      return { name: match[1]!, labels, value };
    });

/** The value of the one sample of `name` whose labels include `labels`; undefined when there is none. */
export const sampleValue = (samples: TSample[], name: string, labels: Record<string, string>) =>
  samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
