import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDateTime, humanize } from "../../../lib/format.ts";
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
        onSuccess: () => toast.show(action === "complete" ? "Done. Nice work!" : "Skipped; no harm in being honest."),
        onError: (error) => toast.show(errorMessage(error), "error"),
      },
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Segmented
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            { value: "open", label: "Open" },
            { value: "scheduled", label: "Reminder set" },
            { value: "completed", label: "Done" },
            { value: "skipped", label: "Skipped" },
            { value: "all", label: "All" },
          ]}
        />
        <Button onClick={() => setEditing("new")}>New commitment</Button>
      </div>
      <QueryState
        query={commitments}
        loadingLines={6}
        isEmpty={(data) => !data.pages[0]?.items.length}
        empty={
          <EmptyState
            title="No commitments here"
            description="Commit to one small, concrete step."
            action={
              <Button size="sm" onClick={() => setEditing("new")}>
                New commitment
              </Button>
            }
          />
        }
      >
        {(data) => (
          <>
            <ul
              aria-label="Commitments"
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
                          {item.dueAt && <span>Due {formatDateTime(item.dueAt)}</span>}
                          {item.remindAt && <span>Reminder {formatDateTime(item.remindAt)}</span>}
                        </p>
                      </div>
                      <div className="flex items-center gap-2">
                        <Badge tone={STATUS_TONE[item.status]}>
                          {item.status === "pending"
                            ? "Open"
                            : item.status === "scheduled"
                              ? "Reminder set"
                              : humanize(item.status)}
                        </Badge>
                        {open && (
                          <>
                            <Button size="sm" onClick={() => act(item.id, "complete")}>
                              Complete
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => act(item.id, "skip")}>
                              Skip
                            </Button>
                          </>
                        )}
                        <Button size="sm" variant="secondary" onClick={() => setEditing(item)}>
                          Edit
                        </Button>
                      </div>
                    </li>
                  );
                })}
            </ul>
            <LoadMore query={commitments} label="Load more commitments" />
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
