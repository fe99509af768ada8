// A new connection's startup packet: the protocol it speaks and the session settings it asks for.
import { readCString, type ErrorFields } from "./wire.ts";

export type Startup = {
  minorVersion: number;
  /** Settings to apply, from parameters such as application_name and from `options` (`-c name=value`). */
  settings: Map<string, string>;
  /** `_pq_.` protocol options, none of which this server knows. */
  unknownOptions: string[];
};

const NOT_SETTINGS = new Set(["user", "database", "replication", "options"]);

const fatal = (code: string, message: string): ErrorFields => ({ severity: "FATAL", code, message });

/** Splits `options` as PostgreSQL does: on blanks, a backslash keeping the next character. */
const splitOptions = (options: string) => {
  const words: string[] = [];
  let word: string | undefined;
  let escaped = false;
  for (const char of options) {
    if (escaped) {
      word = (word ?? "") + char;
      escaped = false;
    } else if (char === "\\") {
      escaped = true;
      word ??= "";
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
};

const parseOptions = (options: string, settings: Map<string, string>): ErrorFields | undefined => {
  const words = splitOptions(options);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const assignment =
      word === "-c"
        ? words[++i]
        : word.startsWith("--")
          ? word.slice(2)
          : word.startsWith("-c")
            ? word.slice(2)
            : undefined;
    const equals = assignment?.indexOf("=") ?? -1;
    if (!assignment || equals < 1) {
      return fatal(
        "08P01",
        `invalid command-line argument for server process: ${word} ` +
          "(the embedded database accepts -c name=value and --name=value)",
      );
    }
    settings.set(assignment.slice(0, equals).replaceAll("-", "_").toLowerCase(), assignment.slice(equals + 1));
  }
  return undefined;
};

/** Reads a StartupMessage whose protocol major version is 3. */
export const readStartup = (packet: Buffer): Startup | ErrorFields => {
  const settings = new Map<string, string>();
  const unknownOptions: string[] = [];
  let offset = 8;
  try {
    while (offset < packet.length && packet[offset] !== 0) {
      const [name, afterName] = readCString(packet, offset);
      const [value, afterValue] = readCString(packet, afterName);
      offset = afterValue;
      if (name.startsWith("_pq_.")) unknownOptions.push(name);
      else if (name === "options") {
        const error = parseOptions(value, settings);
        if (error) return error;
      } else if (!NOT_SETTINGS.has(name)) settings.set(name.toLowerCase(), value);
    }
  } catch {
    return fatal("08P01", "invalid startup packet layout");
  }
  return { minorVersion: packet.readInt32BE(4) & 0xffff, settings, unknownOptions };
};
