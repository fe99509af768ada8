import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { ProgressBar } from "../../../components/ui/progress-bar.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDate } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import {
  useCompleteGoal,
  useGoal,
  useGoals,
  useUpdateGoal,
  type TGoal,
  type TGoalPeriod,
  type TGoalStatus,
} from "../api/goals.ts";
import { GoalFormDialog, PERIODS } from "./goal-form-dialog.tsx";

const STATUS_TONE = { active: "brand", completed: "success", archived: "neutral" } as const;

/** The goals; `linked` is one to open for editing at once (a search result's link). */
export const GoalList = ({ linked, onLinkedClosed }: { linked?: string | undefined; onLinkedClosed?: () => void }) => {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<TGoalPeriod | "all">("all");
  const [status, setStatus] = useState<TGoalStatus>("active");
  const goals = useGoals({ period: period === "all" ? undefined : period, status });
  const complete = useCompleteGoal();
  const update = useUpdateGoal();
  const toast = useToast();
  const [editing, setEditing] = useState<TGoal | "new" | null>(null);
  const linkedGoal = useGoal(linked);
  const onError = (error: unknown) => toast.show(errorMessage(error), "error");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-3">
          <Segmented
            label={t("goals.status")}
            value={status}
            onChange={setStatus}
            options={[
              { value: "active", label: t("goals.goalStatus.active") },
              { value: "completed", label: t("goals.goalStatus.completed") },
              { value: "archived", label: t("goals.goalStatus.archived") },
            ]}
          />
          <Segmented
            label={t("goals.period")}
            value={period}
            onChange={setPeriod}
            options={[
              { value: "all", label: t("goals.all") },
              ...PERIODS.map((value) => ({ value, label: t(`goals.periods.${value}`) })),
            ]}
          />
        </div>
        <Button onClick={() => setEditing("new")}>{t("goals.list.newGoal")}</Button>
      </div>
      <QueryState
        query={goals}
        loadingLines={6}
        isEmpty={(data) => !data.pages[0]?.items.length}
        empty={
          <EmptyState
            title={period === "all" ? t(`goals.list.empty.${status}`) : t(`goals.list.emptyForPeriod.${status}`)}
            description={t("goals.list.emptyDescription")}
            action={
              <Button size="sm" onClick={() => setEditing("new")}>
                {t("goals.list.newGoal")}
              </Button>
            }
          />
        }
      >
        {(data) => (
          <>
            <ul aria-label={t("goals.goals")} className="grid gap-3 md:grid-cols-2">
              {data.pages
                .flatMap((page) => page.items)
                .map((goal) => (
                  <li
                    key={goal.id}
                    aria-label={goal.title}
                    className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
                  >
                    <div className="flex items-start justify-between gap-3">
                      <h3 className="font-medium text-slate-900">{goal.title}</h3>
                      <Badge tone={STATUS_TONE[goal.status]}>{t(`goals.goalStatus.${goal.status}`)}</Badge>
                    </div>
                    {goal.description && <p className="mt-1 text-sm text-slate-600">{goal.description}</p>}
                    <ProgressBar
                      className="mt-3"
                      label={t("goals.list.progress", { title: goal.title })}
                      value={goal.progress}
                    />
                    <p className="mt-2 flex flex-wrap gap-2 text-xs text-slate-500">
                      <span>{goal.progress}%</span>·<span>{t(`goals.periods.${goal.period}`)}</span>
                      {goal.deadline && (
                        <>
                          · <span>{t("goals.due", { date: formatDate(goal.deadline) })}</span>
                        </>
                      )}
                    </p>
                    <div className="mt-3 flex flex-wrap gap-2">
                      <Button size="sm" variant="secondary" onClick={() => setEditing(goal)}>
                        {t("goals.edit")}
                      </Button>
                      {goal.status === "active" && (
                        <>
                          <Button
                            size="sm"
                            onClick={() =>
                              complete.mutate(goal.id, {
                                onSuccess: () => toast.show(t("goals.list.completed")),
                                onError,
                              })
                            }
                          >
                            {t("goals.complete")}
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() =>
                              update.mutate(
                                { id: goal.id, status: "archived" },
                                { onSuccess: () => toast.show(t("goals.list.archived")), onError },
                              )
                            }
                          >
                            {t("goals.list.archive")}
                          </Button>
                        </>
                      )}
                      {goal.status !== "active" && (
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() =>
                            update.mutate(
                              { id: goal.id, status: "active" },
                              { onSuccess: () => toast.show(t("goals.list.reopened")), onError },
                            )
                          }
                        >
                          {t("goals.list.reopen")}
                        </Button>
                      )}
                    </div>
                  </li>
                ))}
            </ul>
            <LoadMore query={goals} label={t("goals.list.loadMore")} />
          </>
        )}
      </QueryState>
      {editing && (
        <GoalFormDialog open onClose={() => setEditing(null)} goal={editing === "new" ? undefined : editing} />
      )}
      {!editing && linkedGoal.data && (
        <GoalFormDialog key={linkedGoal.data.id} open onClose={() => onLinkedClosed?.()} goal={linkedGoal.data} />
      )}
    </div>
  );
};
