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
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useDeleteDocument } from "../api/delete-document.ts";
import { type TDocument, useDocuments } from "../api/list-documents.ts";
import { useUploadDocument } from "../api/upload-document.ts";

const STATUS_TONE: Record<TDocument["status"], "neutral" | "brand" | "success" | "danger"> = {
  pending: "neutral",
  processing: "brand",
  ready: "success",
  failed: "danger",
};
const size = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1_000))} KB` : `${(bytes / 1_000_000).toFixed(1)} MB`;

const Progress = ({ document }: { document: TDocument }) => {
  const { t } = useTranslation();
  const percent = document.chunkCount ? Math.round((document.embeddedChunks / document.chunkCount) * 100) : 0;
  return (
    <div className="mt-2">
      <div
        role="progressbar"
        aria-label={t("documents.reading", { filename: document.filename })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.max(percent, 4)}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {document.chunkCount
          ? t("documents.remembered", { embedded: document.embeddedChunks, count: document.chunkCount })
          : t("documents.readingText")}
      </p>
    </div>
  );
};

const DocumentRow = ({ document, highlighted }: { document: TDocument; highlighted: boolean }) => {
  const { t } = useTranslation();
  const remove = useDeleteDocument();
  const toast = useToast();
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
            <Badge tone={STATUS_TONE[document.status]}>{t(`documents.status.${document.status}`)}</Badge>
            <span>{t(`documents.kinds.${document.kind}`)}</span>
            <span aria-hidden="true">·</span>
            <span>{size(document.sizeBytes)}</span>
            {document.pageCount !== null && <span>{t("documents.pages", { count: document.pageCount })}</span>}
            {document.status === "ready" && <span aria-hidden="true">·</span>}
            {document.status === "ready" && <span>{t("documents.passages", { count: document.chunkCount })}</span>}
            <span aria-hidden="true">·</span>
            <span>{formatDate(document.createdAt)}</span>
          </div>
        </div>
        <Button
          variant="ghost"
          size="sm"
          disabled={remove.isPending}
          aria-label={t("documents.deleteLabel", { filename: document.filename })}
          onClick={() => {
            if (!window.confirm(t("documents.deleteConfirm", { filename: document.filename }))) return;
            remove.mutate(document.id, {
              onSuccess: () => toast.show(t("documents.deleted")),
              onError: (error) => toast.show(error.message, "error"),
            });
          }}
        >
          {t("documents.delete")}
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
  const { t } = useTranslation();
  const { document: highlighted } = useSearch({ strict: false }) as { document?: string };
  const documents = useDocuments();
  const upload = useUploadDocument();
  const input = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (document) => toast.show(t("documents.uploaded", { filename: document.filename })),
    });
  };

  return (
    <div data-testid="documents-page">
      <PageHeader
        title={t("documents.title")}
        description={t("documents.description")}
        actions={
          <>
            <input
              ref={input}
              type="file"
              accept={DOCUMENT_ACCEPT}
              className="sr-only"
              aria-label={t("documents.chooseLabel")}
              onChange={choose}
            />
            <Button onClick={() => input.current?.click()} disabled={upload.isPending}>
              {upload.isPending ? t("documents.uploading") : t("documents.upload")}
            </Button>
          </>
        }
      />
      <p className="mb-4 text-sm text-slate-600">
        {t("documents.formats", { size: size(DEFAULT_MAX_DOCUMENT_BYTES) })}
      </p>
      {upload.isError && (
        <div className="mb-4">
          <FormError error={upload.error} />
        </div>
      )}
      <Card aria-labelledby="documents-list">
        <CardHeader title={<span id="documents-list">{t("documents.listTitle")}</span>} />
        <QueryState
          query={documents}
          isEmpty={(items) => items.length === 0}
          empty={<EmptyState title={t("documents.emptyTitle")} description={t("documents.emptyDescription")} />}
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
