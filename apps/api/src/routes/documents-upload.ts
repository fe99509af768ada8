import type { Context } from "hono";

import { DOCUMENT_FIELD } from "@cto/contracts/api/documents";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { readUploadedFile } from "../lib/request-body.ts";
import type { TDocumentUpload } from "../services/documents.ts";

const ACCEPTED = "Only PDF, Word (.docx), Markdown (.md) and plain text (.txt) documents are accepted";
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
const extensionOf = (name: string) => /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase() ?? "";

const isControl = (character: string) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f;
/** The name as shown in the list: its last path segment, without control characters, at most 255 characters. */
const cleanName = (name: string) =>
  [...(name.split(/[\\/]/).at(-1) ?? "")]
    .filter((character) => !isControl(character))
    .join("")
    .trim()
    .slice(0, 255) || "document";

const isUtf8Text = (bytes: Uint8Array) => {
  try {
    return !new TextDecoder("utf-8", { fatal: true }).decode(bytes).includes("\u0000");
  } catch {
    return false;
  }
};

/**
 * What the file is, from its bytes first: a PDF by its header, a Word document by the ZIP that holds
 * word/document.xml, Markdown or plain text by its name and UTF-8 bytes. Anything else is refused (415),
 * with a hint for the near misses (an old .doc, another ZIP such as .xlsx).
 */
const kindOf = (bytes: Uint8Array, name: string): Omit<TDocumentUpload, "bytes" | "filename"> => {
  const extension = extensionOf(name);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: "PDF", mimeType: "application/pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A ZIP's entry names are stored as they are, so a Word document's main part is found in the bytes.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml"))
      return {
        kind: "DOCX",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      };
    throw new ApiError("unsupported_media_type", `${ACCEPTED}; this is a ZIP archive that is not a Word document.`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw new ApiError(
      "unsupported_media_type",
      `${ACCEPTED}; this looks like an older Word or Office file (.doc): save it as .docx and upload that.`,
    );
  if (["md", "markdown", "txt", "text", ""].includes(extension)) {
    if (!isUtf8Text(bytes)) throw new ApiError("unsupported_media_type", `${ACCEPTED}; this file is not UTF-8 text.`);
    return extension === "md" || extension === "markdown"
      ? { kind: "MARKDOWN", mimeType: "text/markdown" }
      : { kind: "TEXT", mimeType: "text/plain" };
  }
  throw new ApiError("unsupported_media_type", `${ACCEPTED}; "${extension}" files are not.`);
};

/**
 * The uploaded document, checked before anything is stored: multipart/form-data (else 415) with one
 * file in `file` (else 400), not empty (400), at most `maxBytes` (else 413), and of a kind that is read (else 415).
 */
export const readDocumentUpload = async (c: Context<AppEnv>, maxBytes: number): Promise<TDocumentUpload> => {
  const { name, bytes } = await readUploadedFile(c.req.raw, maxBytes, {
    field: DOCUMENT_FIELD,
    notMultipart: `Send the document as multipart/form-data, the file in a part named "${DOCUMENT_FIELD}".`,
    missing: "The request has no document file.",
    empty: "The document is empty.",
    tooLarge: `The document is larger than ${(maxBytes / 1_000_000).toLocaleString("en")} MB (${maxBytes} bytes); upload a smaller file or split it.`,
  });
  const filename = cleanName(name);
  return { bytes, filename, ...kindOf(bytes, filename) };
};
