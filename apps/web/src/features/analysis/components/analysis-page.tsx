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
import { STATUS_TONES, StatusBadge } from "./status-badge.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

export type TAnalysisSearch = { status?: TAnalysisStatus; view?: "trash" };

const TrashActions = ({ session }: { session: TAnalysisSession }) => {
  const restore = useRestoreSession();
  const remove = useTrashSession();
  const toast = useToast();
  const fail = (error: unknown) => toast.show(errorMessage(error), "error");
  const { t } = useTranslation();
  return (
    <div className="flex gap-2">
      <Button
        size="sm"
        variant="secondary"
        loading={restore.isPending}
        onClick={() =>
          restore.mutate(session.id, { onSuccess: () => toast.show(t("analysis.restored")), onError: fail })
        }
      >
        {t("analysis.restore")}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        loading={remove.isPending}
        onClick={() =>
          remove.mutate(
            { id: session.id, permanent: true },
            { onSuccess: () => toast.show(t("analysis.deletedForGood")), onError: fail },
          )
        }
      >
        {t("analysis.deleteForever")}
      </Button>
    </div>
  );
};

const SessionRow = ({ session, inTrash }: { session: TAnalysisSession; inTrash: boolean }) => {
  const { t } = useTranslation();
  const name =
    session.name ?? t(session.type === "screenshot" ? "analysis.untitledScreenshot" : "analysis.untitledConversation");
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
          <span>{t(`analysis.types.${session.type}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t("analysis.active", { when: formatRelative(session.lastActivity) })}</span>
          {session.isPinned && <Badge tone="brand">{t("analysis.pinned")}</Badge>}
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
  const { t } = useTranslation();

  return (
    <div data-testid="analysis-page">
      <PageHeader
        title={t("analysis.title")}
        description={t("analysis.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("analysis.newAnalysis")}</Button>}
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <Segmented
          label={t("analysis.show")}
          value={inTrash ? "trash" : "active"}
          onChange={(view) => setSearch({ ...search, view: view === "trash" ? "trash" : undefined })}
          options={[
            { value: "active", label: t("analysis.views.active") },
            { value: "trash", label: t("analysis.views.trash") },
          ]}
        />
        <Field label={t("analysis.status")} className="w-56">
          <Select
            value={search.status ?? ""}
            onChange={(event) =>
              setSearch({ ...search, status: (event.target.value || undefined) as TAnalysisStatus | undefined })
            }
          >
            <option value="">{t("analysis.anyStatus")}</option>
            {(Object.keys(STATUS_TONES) as TAnalysisStatus[]).map((value) => (
              <option key={value} value={value}>
                {t(`analysis.statuses.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Card className="p-0">
        {sessions.isPending ? (
          <div className="p-5">
            <LoadingBlock label={t("analysis.loading")} />
          </div>
        ) : sessions.isError ? (
          <div className="p-5">
            <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <div className="p-5">
            {inTrash ? (
              <EmptyState title={t("analysis.trashEmptyTitle")} description={t("analysis.trashEmptyDescription")} />
            ) : search.status ? (
              <EmptyState
                title={t("analysis.noStatusMatch")}
                action={
                  <Button variant="secondary" onClick={() => setSearch({})}>
                    {t("analysis.showAll")}
                  </Button>
                }
              />
            ) : (
              <EmptyState
                title={t("analysis.emptyTitle")}
                description={t("analysis.emptyDescription")}
                action={<Button onClick={() => setCreating(true)}>{t("analysis.newAnalysis")}</Button>}
              />
            )}
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t(inTrash ? "analysis.trashList" : "analysis.list")}>
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
            {t("analysis.showMore")}
          </Button>
        </div>
      )}
      <NewSessionDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
};
