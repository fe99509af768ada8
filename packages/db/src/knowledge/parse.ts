import { ZKnowledgeChunkListSchema, type TKnowledgeChunk } from "./schema.ts";

export type TKnowledgeIssue = { index: number | null; chunkId: string | null; path: string; message: string };

/** A knowledge file or body that is not in 001's format; `issues` name the chunk and the field. */
export class KnowledgeParseError extends Error {
  constructor(readonly issues: TKnowledgeIssue[]) {
    const lines = issues.slice(0, 20).map(({ index, chunkId, path, message }) => {
      const where = index === null ? "file" : `chunk #${index}${chunkId ? ` (${chunkId})` : ""}`;
      return `  ${where}: ${path || "(chunk)"}: ${message}`;
    });
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more` : "";
    super(
      `Invalid knowledge chunks (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}${more}`,
    );
    this.name = "KnowledgeParseError";
  }
}

const chunkIdAt = (list: unknown[], index: number): string | null => {
  const id = (list[index] as { metadata?: { chunk_id?: unknown } } | undefined)?.metadata?.chunk_id;
  return typeof id === "string" ? id : null;
};

/** Validates chunks given as a list or as `{ chunks: [...] }` (the admin endpoint's body shape). */
export const parseKnowledgeChunks = (input: unknown): TKnowledgeChunk[] => {
  const list = Array.isArray(input) ? input : (input as { chunks?: unknown } | null)?.chunks;
  if (!Array.isArray(list))
    throw new KnowledgeParseError([
      {
        index: null,
        chunkId: null,
        path: "chunks",
        message: "expected a list of chunks, or an object with a `chunks` list",
      },
    ]);
  const result = ZKnowledgeChunkListSchema.safeParse(list);
  if (result.success) return result.data;
  throw new KnowledgeParseError(
    result.error.issues.map((issue) => {
      const [index, ...path] = issue.path;
      return typeof index === "number"
        ? { index, chunkId: chunkIdAt(list, index), path: path.join("."), message: issue.message }
        : { index: null, chunkId: null, path: issue.path.join("."), message: issue.message };
    }),
  );
};

/** Parses the text of a knowledge JSON file. */
export const parseKnowledgeJson = (text: string): TKnowledgeChunk[] => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new KnowledgeParseError([
      { index: null, chunkId: null, path: "", message: `not JSON: ${(error as Error).message}` },
    ]);
  }
  return parseKnowledgeChunks(data);
};
