// The parts of PostgreSQL's wire protocol (version 3.0) the embedded server reads and writes itself.

export type Message = { type: string; body: Buffer; raw: Buffer };

export const SSL_REQUEST = 80_877_103;
export const GSS_ENC_REQUEST = 80_877_104;
export const CANCEL_REQUEST = 80_877_102;
export const PROTOCOL_3 = 3;

/** Complete typed messages at the start of `buffer`, and the bytes of an incomplete one after them. */
export const splitMessages = (buffer: Buffer): { messages: Message[]; rest: Buffer } => {
  const messages: Message[] = [];
  let offset = 0;
  while (buffer.length - offset >= 5) {
    const length = buffer.readInt32BE(offset + 1);
    if (length < 4) throw new Error(`invalid message length ${length}`);
    if (buffer.length - offset < length + 1) break;
    const raw = buffer.subarray(offset, offset + 1 + length);
    messages.push({ type: String.fromCharCode(raw[0]!), body: raw.subarray(5), raw });
    offset += 1 + length;
  }
  return { messages, rest: buffer.subarray(offset) };
};

export const message = (type: string, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};

export const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");
export const int16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
};
export const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};

/** Reads a NUL-terminated string at `offset`: its text and the offset after the NUL. */
export const readCString = (buffer: Buffer, offset: number): [string, number] => {
  const end = buffer.indexOf(0, offset);
  if (end < 0) throw new Error("unterminated string in message");
  return [buffer.toString("utf8", offset, end), end + 1];
};

export type ErrorFields = {
  severity: "ERROR" | "FATAL" | "WARNING";
  code: string;
  message: string;
  detail?: string;
  hint?: string;
};

export const isErrorFields = (value: unknown): value is ErrorFields =>
  typeof value === "object" && value !== null && "severity" in value && "code" in value && "message" in value;

/** An ErrorResponse ("E") or NoticeResponse ("N") with these one-letter fields. */
export const fieldsMessage = (type: "E" | "N", fields: Record<string, string | undefined>) =>
  message(
    type,
    ...Object.entries(fields)
      .filter((pair): pair is [string, string] => pair[1] !== undefined)
      .map(([key, value]) => Buffer.concat([Buffer.from(key, "latin1"), cstring(value)])),
    Buffer.from([0]),
  );

const toFields = ({ severity, code, message: text, detail, hint }: ErrorFields) => ({
  S: severity,
  V: severity,
  C: code,
  M: text,
  D: detail,
  H: hint,
});

export const errorResponse = (fields: ErrorFields) => fieldsMessage("E", toFields(fields));
export const noticeResponse = (fields: ErrorFields) => fieldsMessage("N", toFields(fields));

/** The fields of an ErrorResponse or NoticeResponse body, by their one-letter codes. */
export const readFields = (body: Buffer): Record<string, string> => {
  const fields: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length && body[offset] !== 0) {
    const key = String.fromCharCode(body[offset]!);
    const [value, next] = readCString(body, offset + 1);
    fields[key] = value;
    offset = next;
  }
  return fields;
};

export const readyForQuery = (status: string) => message("Z", Buffer.from(status, "latin1"));
export const commandComplete = (tag: string) => message("C", cstring(tag));
export const parameterStatus = (name: string, value: string) => message("S", cstring(name), cstring(value));
export const authenticationOk = () => message("R", int32(0));
export const backendKeyData = (pid: number, secret: number) => message("K", int32(pid), int32(secret));
export const parseComplete = () => message("1");
export const bindComplete = () => message("2");
export const closeComplete = () => message("3");
export const parameterDescription = (oids: number[]) => message("t", int16(oids.length), ...oids.map(int32));
export const negotiateProtocolVersion = (minor: number, unknownOptions: string[]) =>
  message("v", int32(minor), int32(unknownOptions.length), ...unknownOptions.map(cstring));

export type Column = { name: string; typeOid: number; typeSize: number; format: number };
export const rowDescription = (columns: Column[]) =>
  message(
    "T",
    int16(columns.length),
    ...columns.map((column) =>
      Buffer.concat([
        cstring(column.name),
        int32(0),
        int16(0),
        int32(column.typeOid),
        int16(column.typeSize),
        int32(-1),
        int16(column.format),
      ]),
    ),
  );
export const dataRow = (values: (Buffer | null)[]) =>
  message(
    "D",
    int16(values.length),
    ...values.map((value) => (value === null ? int32(-1) : Buffer.concat([int32(value.length), value]))),
  );

/** The text values of every DataRow in a backend output (for the server's own queries, all text format). */
export const readRows = (messages: Message[]): (string | null)[][] =>
  messages
    .filter((entry) => entry.type === "D")
    .map(({ body }) => {
      const values: (string | null)[] = [];
      let offset = 2;
      for (let column = 0; column < body.readInt16BE(0); column++) {
        const length = body.readInt32BE(offset);
        offset += 4;
        values.push(length < 0 ? null : body.toString("utf8", offset, offset + length));
        offset += Math.max(length, 0);
      }
      return values;
    });

export const query = (sql: string) => message("Q", cstring(sql));
export const sync = () => message("S");
export const closeStatement = (name: string) => message("C", Buffer.from("S", "latin1"), cstring(name));
/** A Parse of a text that is not SQL: it fails, leaving the backend as a refused statement would. */
export const failingParse = () => message("P", cstring(""), cstring("cto_embedded_refused"), int16(0));
export const failingQuery = () => query("cto_embedded_refused");
