import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";

import { MAX_DOCUMENT_TEXT_CHARS } from "@cto/contracts/api/documents";
import { chunkText } from "@cto/core/embeddings";
import type { DocumentKind } from "@cto/db/client";

/** A document that cannot be read as it is: retrying will not help, the message says what the user can do. */
export class DocumentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DocumentError";
  }
}

export type TParsedDocument = { pages: { page: number | null; text: string }[]; pageCount: number | null };

// With the header the embedding pipeline adds (the document's name and page), a chunk stays under its
// 2,000-character limit, so each chunk row is one embedding.
const CHUNK = { size: 1_600, overlap: 150 };

const readPdf = async (bytes: Uint8Array): Promise<TParsedDocument> => {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over; it gets a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    if ((error as Error).name === "PasswordException")
      throw new DocumentError(
        "This PDF is protected with a password, so its text cannot be read. Save or print it as a PDF without a password and upload that.",
        { cause: error },
      );
    throw new DocumentError(
      "This file could not be read as a PDF: it looks damaged or incomplete. Export it as a PDF again and upload the new file.",
      { cause: error },
    );
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { pageCount: totalPages, pages: text.map((page, i) => ({ page: i + 1, text: page })) };
  } catch (error) {
    throw new DocumentError(
      "The text of this PDF could not be read: it looks damaged. Export it again and upload it.",
      {
        cause: error,
      },
    );
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
};

const readDocx = async (bytes: Uint8Array): Promise<TParsedDocument> => {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { pageCount: null, pages: [{ page: null, text: value }] };
  } catch (error) {
    throw new DocumentError(
      "This file could not be read as a Word document (.docx): it looks damaged. Save it again from your word processor and upload it.",
      { cause: error },
    );
  }
};

const readText = (bytes: Uint8Array): TParsedDocument => {
  try {
    // fatal: bytes that are not UTF-8 fail here instead of turning into replacement characters.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { pageCount: null, pages: [{ page: null, text }] };
  } catch (error) {
    throw new DocumentError("This file is not UTF-8 text. Save it as UTF-8 and upload it again.", { cause: error });
  }
};

/** The text of an uploaded file, page by page for a PDF; a file that cannot be read throws `DocumentError`. */
export const parseDocument = async (kind: DocumentKind, bytes: Uint8Array): Promise<TParsedDocument> =>
  kind === "PDF" ? readPdf(bytes) : kind === "DOCX" ? readDocx(bytes) : readText(bytes);

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
