import { useSearch } from "@tanstack/react-router";
import { useRef, type ChangeEvent } from "react";

import { DEFAULT_MAX_DOCUMENT_BYTES, DOCUMENT_ACCEPT } from "@cto/contracts/api/documents";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { cn } from "../../../lib/cn.ts";
import { formatDate } from "../../../lib/format.ts";
import { useDeleteDocument } from "../api/delete-document.ts";
import { type TDocument, useDocuments } from "../api/list-documents.ts";
import { useUploadDocument } from "../api/upload-document.ts";

const KIND_LABELS: Record<TDocument["kind"], string> = {
  pdf: "PDF",
  docx: "Word",
  markdown: "Markdown",
  text: "Text",
};
const STATUS: Record<TDocument["status"], { label: string; tone: "neutral" | "brand" | "success" | "danger" }> = {
  pending: { label: "Waiting", tone: "neutral" },
  processing: { label: "Reading", tone: "brand" },
  ready: { label: "Ready", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};
const passages = (count: number) => `${count} passage${count === 1 ? "" : "s"}`;
const size = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1_000))} KB` : `${(bytes / 1_000_000).toFixed(1)} MB`;

const Progress = ({ document }: { document: TDocument }) => {
  const percent = document.chunkCount ? Math.round((document.embeddedChunks / document.chunkCount) * 100) : 0;
  return (
    <div className="mt-2">
      <div
        role="progressbar"
        aria-label={`Reading ${document.filename}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.max(percent, 4)}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {document.chunkCount
          ? `${document.embeddedChunks} of ${passages(document.chunkCount)} remembered`
          : "Reading the text…"}
      </p>
    </div>
  );
};

const DocumentRow = ({ document, highlighted }: { document: TDocument; highlighted: boolean }) => {
  const remove = useDeleteDocument();
  const toast = useToast();
  const status = STATUS[document.status];
  return (
    <li
      id={`document-${document.id}`}
      data-testid="document-row"
      className={cn("py-3 first:pt-0 last:pb-0", highlighted && "rounded-lg bg-brand-50 px-3")}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium break-words text-slate-900">{document.filename}</p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <Badge tone={status.tone}>{status.label}</Badge>
            <span>{KIND_LABELS[document.kind]}</span>
            <span aria-hidden="true">·</span>
            <span>{size(document.sizeBytes)}</span>
            {document.pageCount !== null && (
              <span>{`· ${document.pageCount} page${document.pageCount === 1 ? "" : "s"}`}</span>
            )}
            {document.status === "ready" && <span aria-hidden="true">·</span>}
            {document.status === "ready" && <span>{passages(document.chunkCount)}</span>}
            <span aria-hidden="true">·</span>
            <span>{formatDate(document.createdAt)}</span>
          </div>
        </div>
        <Button
          variant="ghost"
          size="sm"
          disabled={remove.isPending}
          aria-label={`Delete ${document.filename}`}
          onClick={() => {
            if (!window.confirm(`Delete "${document.filename}"? Your coach will no longer know what it says.`)) return;
            remove.mutate(document.id, {
              onSuccess: () => toast.show("Document deleted"),
              onError: (error) => toast.show(error.message, "error"),
            });
          }}
        >
          Delete
        </Button>
      </div>
      {(document.status === "pending" || document.status === "processing") && <Progress document={document} />}
      {document.status === "failed" && document.errorMessage && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {document.errorMessage}
        </p>
      )}
    </li>
  );
};

/** Upload a CV, a review or notes into your memory; see each being read, then cited by your coach; delete any of them. */
export const DocumentsPage = () => {
  const { document: highlighted } = useSearch({ strict: false }) as { document?: string };
  const documents = useDocuments();
  const upload = useUploadDocument();
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    upload.mutate(file, { onSuccess: (document) => toast.show(`"${document.filename}" uploaded; reading it now`) });
  };

  return (
    <div data-testid="documents-page">
      <PageHeader
        title="Documents"
        description="Your CV, performance reviews and notes: your coach reads them and cites them in its answers and in search."
        actions={
          <>
            <input
              ref={input}
              type="file"
              accept={DOCUMENT_ACCEPT}
              className="sr-only"
              aria-label="Choose a document to upload"
              onChange={choose}
            />
            <Button onClick={() => input.current?.click()} disabled={upload.isPending}>
              {upload.isPending ? "Uploading…" : "Upload a document"}
            </Button>
          </>
        }
      />
      <p className="mb-4 text-sm text-slate-600">
        PDF, Word (.docx), Markdown or plain text, up to {size(DEFAULT_MAX_DOCUMENT_BYTES)}. Password-protected or
        scanned PDFs cannot be read.
      </p>
      {upload.isError && (
        <div className="mb-4">
          <FormError error={upload.error} />
        </div>
      )}
      <Card aria-labelledby="documents-list">
        <CardHeader title={<span id="documents-list">Your documents</span>} />
        <QueryState
          query={documents}
          isEmpty={(items) => items.length === 0}
          empty={
            <EmptyState
              title="No documents yet"
              description="Upload your CV or a review, and ask your coach about it."
            />
          }
        >
          {(items) => (
            <ul className="divide-y divide-slate-100">
              {items.map((document) => (
                <DocumentRow key={document.id} document={document} highlighted={document.id === highlighted} />
              ))}
            </ul>
          )}
        </QueryState>
      </Card>
    </div>
  );
};
