import { Worker } from "node:worker_threads";

import { MAX_DOCUMENT_TEXT_CHARS } from "@cto/contracts/api/documents";
import { chunkText } from "@cto/core/embeddings";
import type { DocumentKind } from "@cto/db/client";

import { DocumentError, type TParsedDocument, type TReaderReply } from "./document-error.ts";

// With the header the embedding pipeline adds (the document's name and page), a chunk stays under its
// 2,000-character limit, so each chunk row is one embedding.
const CHUNK = { size: 1_600, overlap: 150 };

const readText = (bytes: Uint8Array): TParsedDocument => {
  try {
    // fatal: bytes that are not UTF-8 fail here instead of turning into replacement characters.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { pageCount: null, pages: [{ page: null, text }] };
  } catch (error) {
    throw new DocumentError("This file is not UTF-8 text. Save it as UTF-8 and upload it again.", { cause: error });
  }
};

/**
 * How long and in how much heap a PDF or Word file may be read. A 10 MB upload of ordinary text reads in a
 * few seconds and well under 100 MB; a file built to exhaust the reader (a Word file whose compressed XML
 * unpacks to gigabytes, a PDF that makes pdf.js loop) is stopped at these instead of stalling or killing the
 * worker process with every job it runs.
 */
export const DOCUMENT_READ_LIMITS = { timeoutMs: 60_000, maxMemoryMb: 512 };
export type TDocumentReadLimits = typeof DOCUMENT_READ_LIMITS;

// In a build the thread is its own entry beside the bundle (tsdown.config.ts). From source it is the
// TypeScript file beside this one: the thread first registers tsx (a devDependency, as for `pnpm dev`),
// since a thread does not inherit the loader that lets this process import TypeScript.
const fromSource = import.meta.url.endsWith(".ts");
const readerEntry = () => {
  if (!fromSource) return new URL("./reader-thread.js", import.meta.url);
  const tsx = import.meta.resolve("tsx/esm/api");
  const reader = new URL("./reader-thread.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(reader)}); });`;
};

/**
 * PDF and Word files are read in a thread of their own, with a heap limit and a deadline: the process's
 * event loop stays free (job locks keep being renewed, other queues keep running) and a file that takes too
 * long or too much memory fails as unreadable, with the thread ended, instead of taking the process down.
 */
const readInThread = (kind: DocumentKind, bytes: Uint8Array, limits: TDocumentReadLimits) =>
  new Promise<TParsedDocument>((resolve, reject) => {
    const thread = new Worker(readerEntry(), {
      eval: fromSource,
      workerData: { kind, bytes },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      void thread.terminate();
    };
    const deadline = setTimeout(
      () =>
        settle(() =>
          reject(
            new DocumentError(
              `Reading this file took longer than ${limits.timeoutMs >= 1_000 ? `${limits.timeoutMs / 1_000} s` : `${limits.timeoutMs} ms`}, so it was stopped. Export it again (or print it to a new PDF), or split it, and upload that.`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    thread.once("message", (reply: TReaderReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.parsed);
        else if (reply.readable)
          reject(new DocumentError(reply.message, reply.detail ? { cause: new Error(reply.detail) } : undefined));
        else reject(new Error(reply.message));
      }),
    );
    thread.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new DocumentError(
                "Reading this file needed more memory than a document may use, so it was stopped. Export it again, or split it, and upload that.",
                { cause: error },
              )
            : error,
        ),
      ),
    );
    thread.once("exit", (code) =>
      settle(() => reject(new Error(`the document reader thread ended (exit code ${code}) without an answer`))),
    );
  });

/** The text of an uploaded file, page by page for a PDF; a file that cannot be read throws `DocumentError`. */
export const parseDocument = async (
  kind: DocumentKind,
  bytes: Uint8Array,
  limits: TDocumentReadLimits = DOCUMENT_READ_LIMITS,
): Promise<TParsedDocument> =>
  kind === "PDF" || kind === "DOCX" ? readInThread(kind, bytes, limits) : readText(bytes);

// PDF text comes in lines broken where the page broke them; runs of blanks say nothing.
const tidy = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

/** The parsed text cut into the chunks that are stored and embedded, each with the page it starts on. */
export const chunkDocument = ({ pages }: TParsedDocument, kind: DocumentKind) => {
  const tidied = pages.map(({ page, text }) => ({ page, text: tidy(text) }));
  const length = tidied.reduce((sum, page) => sum + page.text.length, 0);
  if (length > MAX_DOCUMENT_TEXT_CHARS)
    throw new DocumentError(
      `This document holds ${length.toLocaleString("en")} characters of text; at most ${MAX_DOCUMENT_TEXT_CHARS.toLocaleString("en")} are taken. Split it and upload the parts.`,
    );
  const chunks = tidied.flatMap(({ page, text }) => chunkText(text, CHUNK).map((content) => ({ page, content })));
  if (!chunks.length)
    throw new DocumentError(
      kind === "PDF"
        ? "No text was found in this PDF. It may be a scan (pictures of pages); upload a PDF with selectable text, or the text itself."
        : "This document has no text to remember.",
    );
  return chunks.map((chunk, chunkIndex) => ({ ...chunk, chunkIndex }));
};
