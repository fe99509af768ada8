// What the process and the reader thread share: kept apart from parse.ts, whose imports (the embeddings
// pipeline, Prisma's client) a reader thread would otherwise load for every file.

/** A document that cannot be read as it is: retrying will not help, the message says what the user can do. */
export class DocumentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DocumentError";
  }
}

export type TParsedDocument = { pages: { page: number | null; text: string }[]; pageCount: number | null };

/** What the reader thread (`reader-thread.ts`) answers `parseDocument`. */
export type TReaderReply =
  | { ok: true; parsed: TParsedDocument }
  | { ok: false; readable: boolean; message: string; detail: string | null };
