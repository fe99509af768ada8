import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import {
  useCommitment,
  useCommitments,
  useResolveCommitment,
  type TCommitment,
  type TCommitmentFilter,
} from "../api/commitments.ts";
import { CommitmentFormDialog } from "./commitment-form-dialog.tsx";

const STATUS_TONE = { pending: "warning", scheduled: "brand", completed: "success", skipped: "neutral" } as const;

/** The commitments; `linked` is one to open for editing at once (a search result's link). */
export const CommitmentList = ({
  linked,
  onLinkedClosed,
}: {
  linked?: string | undefined;
  onLinkedClosed?: () => void;
}) => {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TCommitmentFilter | "all">("open");
  const commitments = useCommitments(status === "all" ? undefined : status);
  const resolve = useResolveCommitment();
  const toast = useToast();
  const [editing, setEditing] = useState<TCommitment | "new" | null>(null);
  const linkedCommitment = useCommitment(linked);
  const act = (id: string, action: "complete" | "skip") =>
    resolve.mutate(
      { id, action },
      {
        onSuccess: () =>
          toast.show(action === "complete" ? t("goals.commitmentList.done") : t("goals.commitmentList.skippedToast")),
        onError: (error) => toast.show(errorMessage(error), "error"),
      },
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Segmented
          label={t("goals.status")}
          value={status}
          onChange={setStatus}
          options={[
            { value: "open", label: t("goals.commitmentStatus.open") },
            { value: "scheduled", label: t("goals.commitmentStatus.scheduled") },
            { value: "completed", label: t("goals.commitmentStatus.completed") },
            { value: "skipped", label: t("goals.commitmentStatus.skipped") },
            { value: "all", label: t("goals.all") },
          ]}
        />
        <Button onClick={() => setEditing("new")}>{t("goals.commitmentList.newCommitment")}</Button>
      </div>
      <QueryState
        query={commitments}
        loadingLines={6}
        isEmpty={(data) => !data.pages[0]?.items.length}
        empty={
          <EmptyState
            title={t("goals.commitmentList.emptyTitle")}
            description={t("goals.commitmentList.emptyDescription")}
            action={
              <Button size="sm" onClick={() => setEditing("new")}>
                {t("goals.commitmentList.newCommitment")}
              </Button>
            }
          />
        }
      >
        {(data) => (
          <>
            <ul
              aria-label={t("goals.commitments")}
              className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
            >
              {data.pages
                .flatMap((page) => page.items)
                .map((item) => {
                  const open = item.status === "pending" || item.status === "scheduled";
                  return (
                    <li
                      key={item.id}
                      aria-label={item.title}
                      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
                    >
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">{item.title}</p>
                        <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                          {item.dueAt && <span>{t("goals.due", { date: formatDateTime(item.dueAt) })}</span>}
                          {item.remindAt && (
                            <span>{t("goals.commitmentList.reminder", { date: formatDateTime(item.remindAt) })}</span>
                          )}
                        </p>
                      </div>
                      <div className="flex items-center gap-2">
                        <Badge tone={STATUS_TONE[item.status]}>
                          {item.status === "pending"
                            ? t("goals.commitmentStatus.open")
                            : item.status === "scheduled"
                              ? t("goals.commitmentStatus.scheduled")
                              : item.status === "completed"
                                ? t("goals.commitmentList.completedBadge")
                                : t("goals.commitmentStatus.skipped")}
                        </Badge>
                        {open && (
                          <>
                            <Button size="sm" onClick={() => act(item.id, "complete")}>
                              {t("goals.complete")}
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => act(item.id, "skip")}>
                              {t("goals.commitmentList.skip")}
                            </Button>
                          </>
                        )}
                        <Button size="sm" variant="secondary" onClick={() => setEditing(item)}>
                          {t("goals.edit")}
                        </Button>
                      </div>
                    </li>
                  );
                })}
            </ul>
            <LoadMore query={commitments} label={t("goals.commitmentList.loadMore")} />
          </>
        )}
      </QueryState>
      {editing && (
        <CommitmentFormDialog
          open
          onClose={() => setEditing(null)}
          commitment={editing === "new" ? undefined : editing}
        />
      )}
      {!editing && linkedCommitment.data && (
        <CommitmentFormDialog
          key={linkedCommitment.data.id}
          open
          onClose={() => onLinkedClosed?.()}
          commitment={linkedCommitment.data}
        />
      )}
    </div>
  );
};
