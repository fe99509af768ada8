import { parentPort, workerData } from "node:worker_threads";

import type { DocumentKind } from "@cto/db/client";

import { DocumentError, type TReaderReply } from "./document-error.ts";
import { readDocx, readPdf } from "./read.ts";

// The thread `parseDocument` starts for one PDF or Word file: it reads the file and answers once.
const { kind, bytes } = workerData as { kind: DocumentKind; bytes: Uint8Array };

const reply = await (kind === "PDF" ? readPdf(bytes) : readDocx(bytes)).then(
  (parsed): TReaderReply => ({ ok: true, parsed }),
  (error: unknown): TReaderReply => ({
    ok: false,
    readable: error instanceof DocumentError,
    message: error instanceof Error ? error.message : String(error),
    detail: error instanceof Error && error.cause instanceof Error ? error.cause.message : null,
  }),
);
parentPort!.postMessage(reply);
