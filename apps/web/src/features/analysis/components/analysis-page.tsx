import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, PageHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Select } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useSessions } from "../api/get-sessions.ts";
import { useRestoreSession, useTrashSession } from "../api/trash-session.ts";
import type { TAnalysisSession, TAnalysisStatus } from "../api/types.ts";
import { NewSessionDialog } from "./new-session-dialog.tsx";
import { STATUS_LABELS, StatusBadge } from "./status-badge.tsx";

export type TAnalysisSearch = { status?: TAnalysisStatus; view?: "trash" };

const TrashActions = ({ session }: { session: TAnalysisSession }) => {
  const restore = useRestoreSession();
  const remove = useTrashSession();
  const toast = useToast();
  const fail = (error: unknown) => toast.show(errorMessage(error), "error");
  return (
    <div className="flex gap-2">
      <Button
        size="sm"
        variant="secondary"
        loading={restore.isPending}
        onClick={() => restore.mutate(session.id, { onSuccess: () => toast.show("Restored."), onError: fail })}
      >
        Restore
      </Button>
      <Button
        size="sm"
        variant="ghost"
        loading={remove.isPending}
        onClick={() =>
          remove.mutate(
            { id: session.id, permanent: true },
            { onSuccess: () => toast.show("Deleted for good."), onError: fail },
          )
        }
      >
        Delete forever
      </Button>
    </div>
  );
};

const SessionRow = ({ session, inTrash }: { session: TAnalysisSession; inTrash: boolean }) => {
  const name = session.name ?? (session.type === "screenshot" ? "Untitled screenshot" : "Untitled conversation");
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        {inTrash ? (
          <p className="truncate font-medium text-slate-700">{name}</p>
        ) : (
          <Link
            to="/analysis/$sessionId"
            params={{ sessionId: session.id }}
            className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
          >
            {name}
          </Link>
        )}
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span>{session.type === "screenshot" ? "Screenshot" : "Text"}</span>
          <span aria-hidden="true">·</span>
          <span>Active {formatRelative(session.lastActivity)}</span>
          {session.isPinned && <Badge tone="brand">Pinned</Badge>}
        </p>
      </div>
      {inTrash ? <TrashActions session={session} /> : <StatusBadge status={session.status} />}
    </li>
  );
};

/** 001's session list: most recent activity first, filtered by status, with the trash one click away. */
export const AnalysisPage = () => {
  const search = useSearch({ strict: false }) as TAnalysisSearch;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const inTrash = search.view === "trash";
  const sessions = useSessions({ ...(search.status ? { status: search.status } : {}), trash: inTrash });
  const items = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  const setSearch = (next: TAnalysisSearch) => void navigate({ to: "/analysis", search: next, replace: true });

  return (
    <div data-testid="analysis-page">
      <PageHeader
        title="Analysis"
        description="Paste or screenshot a conversation and get replies that work, with the reasons why."
        actions={<Button onClick={() => setCreating(true)}>New analysis</Button>}
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <Segmented
          label="Show"
          value={inTrash ? "trash" : "active"}
          onChange={(view) => setSearch({ ...search, view: view === "trash" ? "trash" : undefined })}
          options={[
            { value: "active", label: "Sessions" },
            { value: "trash", label: "Trash" },
          ]}
        />
        <Field label="Status" className="w-56">
          <Select
            value={search.status ?? ""}
            onChange={(event) =>
              setSearch({ ...search, status: (event.target.value || undefined) as TAnalysisStatus | undefined })
            }
          >
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Card className="p-0">
        {sessions.isPending ? (
          <div className="p-5">
            <LoadingBlock label="Loading sessions…" />
          </div>
        ) : sessions.isError ? (
          <div className="p-5">
            <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <div className="p-5">
            {inTrash ? (
              <EmptyState
                title="The trash is empty"
                description="Sessions you move to the trash wait here until you restore or delete them."
              />
            ) : search.status ? (
              <EmptyState
                title="No sessions with this status"
                action={
                  <Button variant="secondary" onClick={() => setSearch({})}>
                    Show all
                  </Button>
                }
              />
            ) : (
              <EmptyState
                title="No analyses yet"
                description="Start one with a conversation you are not sure how to answer."
                action={<Button onClick={() => setCreating(true)}>New analysis</Button>}
              />
            )}
          </div>
        ) : (
          <ul
            className="divide-y divide-slate-100"
            aria-label={inTrash ? "Sessions in the trash" : "Analysis sessions"}
          >
            {items.map((session) => (
              <SessionRow key={session.id} session={session} inTrash={inTrash} />
            ))}
          </ul>
        )}
      </Card>
      {sessions.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="secondary"
            loading={sessions.isFetchingNextPage}
            onClick={() => void sessions.fetchNextPage()}
          >
            Show more
          </Button>
        </div>
      )}
      <NewSessionDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
};
