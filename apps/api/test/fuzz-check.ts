import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

/**
 * Checks an answer of the API against its operation in the OpenAPI document: the status is one the
 * operation lists, and the body is what that status's content says (JSON by its schema, the chat's
 * event stream event by event, an empty body where none is documented).
 */

type TMediaType = { schema?: object };
export type TOperation = {
  key: string;
  method: string;
  path: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required?: boolean; content: Record<string, TMediaType> };
  responses: Record<string, { description: string; content?: Record<string, TMediaType> }>;
};

const isUrl = (text: string) => {
  try {
    return Boolean(new URL(text));
  } catch {
    return false;
  }
};
// The formats the document uses, checked as zod checks them on the way in.
const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  formats: {
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    uri: isUrl,
    date: /^\d{4}-\d{2}-\d{2}$/,
    "date-time": (text: string) => !Number.isNaN(Date.parse(text)),
    binary: true,
  },
});
const compiled = new Map<string, ValidateFunction>();
const validatorFor = (key: string, schema: object) => {
  const found = compiled.get(key);
  if (found) return found;
  const validate = ajv.compile(schema);
  compiled.set(key, validate);
  return validate;
};

/** `node` with every local `$ref` replaced by what it points at in `document` (a cycle becomes `{}`, anything). */
export const dereference = (node: unknown, document: unknown, seen: ReadonlySet<string> = new Set()): unknown => {
  if (Array.isArray(node)) return node.map((item) => dereference(item, document, seen));
  if (!node || typeof node !== "object") return node;
  const { $ref, ...rest } = node as { $ref?: unknown };
  if (typeof $ref === "string" && $ref.startsWith("#/")) {
    if (seen.has($ref)) return {};
    const target = $ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (at, key) => (at as Record<string, unknown>)[key.replace(/~1/g, "/").replace(/~0/g, "~")],
        document,
      );
    return dereference({ ...(target as object), ...rest }, document, new Set([...seen, $ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereference(value, document, seen)]));
};

/** `event:` / `data:` blocks of a server-sent event stream, each data line parsed as JSON. */
export const parseEventStream = (text: string) =>
  text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event =
        lines
          .find((line) => line.startsWith("event:"))
          ?.slice(6)
          .trim() ?? "message";
      const data = lines
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""))
        .join("\n");
      return { event, data: JSON.parse(data) as unknown };
    });

/** What is wrong with `response` for `operation`, or null. Reads the body. */
export const problemWith = async (operation: TOperation, response: Response): Promise<string | null> => {
  const status = String(response.status);
  const documented = operation.responses[status];
  const text = await response.text();
  if (!documented)
    return `status ${status} is not documented (documented: ${Object.keys(operation.responses).join(", ")}): ${text.slice(0, 300)}`;
  if (!documented.content)
    return text ? `status ${status} documents no body but one came: ${text.slice(0, 200)}` : null;
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const mediaType = Object.keys(documented.content).find((type) => type === contentType);
  if (!mediaType)
    return `content type ${contentType || "(none)"} is not documented for ${status} (documented: ${Object.keys(documented.content).join(", ")})`;
  const schema = documented.content[mediaType]!.schema;
  if (!schema || (schema as { format?: string }).format === "binary") return null;
  let value: unknown;
  try {
    value = mediaType === "text/event-stream" ? parseEventStream(text) : JSON.parse(text);
  } catch (error) {
    return `the ${mediaType} body does not parse: ${(error as Error).message}: ${text.slice(0, 200)}`;
  }
  const validate = validatorFor(`${operation.key} ${status} ${mediaType}`, schema);
  if (validate(value)) return null;
  const errors = (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (error) =>
        `${error.instancePath || "(root)"} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ""}`,
    );
  return `the ${status} body does not match the documented schema: ${errors.join("; ")} — body: ${text.slice(0, 300)}`;
};
