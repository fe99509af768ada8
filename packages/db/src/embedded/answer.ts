// What the backend answered a connection: forwarded as is, except what is not the client's business,
// and read for what the server follows (transaction status, errors, command tags, parameters).
import * as wire from "./wire.ts";

export type AnswerContext = {
  /** The parameter values the client was last told; updated here. */
  reported: Map<string, string>;
  /** The prefix of the connection's statement names in the session, taken out of error texts. */
  namePrefix: string;
  /** An error to show instead of the backend's (a refused statement). */
  replacement?: wire.ErrorFields | undefined;
};

export type Answer = {
  output: Buffer[];
  /** The transaction status of the last ReadyForQuery, when one came. */
  status?: string;
  /** Whether an error came after the last ReadyForQuery; undefined when neither came. */
  errorPending?: boolean;
  tags: string[];
  /** Parameters whose value changed (ParameterStatus), lower-case. */
  changedParameters: string[];
};

/** The client's statement names in an error, not the session's. */
const withClientNames = ({ body }: wire.Message, prefix: string) => {
  const fields = wire.readFields(body);
  for (const key of Object.keys(fields)) fields[key] = fields[key]!.replaceAll(prefix, "");
  return wire.fieldsMessage("E", fields);
};

export const readAnswer = (messages: wire.Message[], { reported, namePrefix, replacement }: AnswerContext): Answer => {
  const answer: Answer = { output: [], tags: [], changedParameters: [] };
  let lastError = -1;
  let lastReady = -1;
  for (const [index, entry] of messages.entries()) {
    if (entry.type === "Z") {
      answer.status = String.fromCharCode(entry.body[0]!);
      lastReady = index;
    } else if (entry.type === "E") {
      lastError = index;
      // A refused statement inside a failed transaction gets PostgreSQL's own 25P02.
      if (replacement && wire.readFields(entry.body).C !== "25P02") {
        answer.output.push(wire.errorResponse(replacement));
        continue;
      }
      if (entry.raw.includes(namePrefix)) {
        answer.output.push(withClientNames(entry, namePrefix));
        continue;
      }
    } else if (entry.type === "C") {
      answer.tags.push(wire.readCString(entry.body, 0)[0]);
    } else if (entry.type === "S") {
      // PostgreSQL reports a parameter when it changes; PGlite repeats some after a startup.
      const [name = "", value = ""] = entry.body.toString("utf8").split("\0");
      if (reported.get(name) === value) continue;
      reported.set(name, value);
      answer.changedParameters.push(name.toLowerCase());
    }
    answer.output.push(entry.raw);
  }
  if (lastError > lastReady) answer.errorPending = true;
  else if (lastReady >= 0) answer.errorPending = false;
  return answer;
};
