import { describe, expect, it } from "vitest";

import { sampleDocx, samplePdf } from "@cto/core/testing/documents";

import { DocumentError } from "../src/services/documents/document-error.ts";
import { DOCUMENT_READ_LIMITS, parseDocument } from "../src/services/documents/parse.ts";

// PDF and Word files are read in a thread with a heap limit and a deadline (parse.ts): a file built to
// exhaust the reader fails as unreadable instead of stalling or killing the worker process.
describe("the document reader thread", () => {
  it("reads a Word file whose parts are compressed, as Word writes them", async () => {
    const parsed = await parseDocument(
      "DOCX",
      sampleDocx(["Quarterly goals", "Ship the importer."], { deflate: true }),
    );
    expect(parsed).toEqual({
      pageCount: null,
      pages: [{ page: null, text: "Quarterly goals\n\nShip the importer.\n\n" }],
    });
  });

  it("stops a Word file that unpacks past the heap limit (a zip bomb) and fails it as unreadable", async () => {
    // 65 KB compressed, 16 MB of XML unpacked: far more than a 64 MB heap holds once parsed.
    const bomb = sampleDocx(
      Array.from({ length: 400_000 }, () => "x"),
      { deflate: true },
    );
    expect(bomb.length).toBeLessThan(200_000);
    const reading = parseDocument("DOCX", bomb, { ...DOCUMENT_READ_LIMITS, maxMemoryMb: 64 });
    await expect(reading).rejects.toBeInstanceOf(DocumentError);
    await expect(reading).rejects.toThrow(/needed more memory than a document may use/);
    // This process lives on and reads the next file.
    expect((await parseDocument("PDF", samplePdf(["still here"]))).pages).toEqual([{ page: 1, text: "still here" }]);
  });

  it("stops a file past its deadline: the reading ends with it, not only the wait", async () => {
    const long = samplePdf(Array.from({ length: 10_000 }, (_, index) => `Page ${index}: the long appendix.`));
    // Past the thread's start (loading pdf.js takes a few hundred ms), well inside the seconds the pages take.
    await expect(parseDocument("PDF", long, { ...DOCUMENT_READ_LIMITS, timeoutMs: 1_500 })).rejects.toThrow(
      /took longer than 1.5 s, so it was stopped/,
    );
    // A deadline that only stopped waiting would leave pdf.js reading the rest of the pages, a core's worth
    // of this process's CPU for seconds more; the ended thread uses none.
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 600));
    const { user, system } = process.cpuUsage(before);
    expect((user + system) / 1_000).toBeLessThan(200);
  });

  it("reads a long PDF whole within the default limits", async () => {
    const parsed = await parseDocument(
      "PDF",
      samplePdf(Array.from({ length: 300 }, (_, index) => `Page ${index + 1}`)),
    );
    expect(parsed.pageCount).toBe(300);
    expect(parsed.pages.at(-1)).toEqual({ page: 300, text: "Page 300" });
  });
});
