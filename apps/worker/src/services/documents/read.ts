import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";

import { DocumentError, type TParsedDocument } from "./document-error.ts";

// The readers of PDF and Word files, loaded only in the reader thread (reader-thread.ts).

export const readPdf = async (bytes: Uint8Array): Promise<TParsedDocument> => {
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

export const readDocx = async (bytes: Uint8Array): Promise<TParsedDocument> => {
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
