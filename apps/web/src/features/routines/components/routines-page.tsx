import { useState } from "react";

import { MAX_ROUTINES_PER_USER } from "@cto/contracts/api/routines";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { type TRoutine, useRoutines } from "../api/list-routines.ts";
import { useCreateRoutine, useDeleteRoutine, useUpdateRoutine } from "../api/save-routine.ts";
import { RoutineForm, toRoutineBody } from "./routine-form.tsx";
import { nextRunLabel, scheduleLabel } from "./routine-schedule.ts";

const RoutineRow = ({ routine }: { routine: TRoutine }) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateRoutine();
  const remove = useDeleteRoutine();
  const toast = useToast();
  if (editing)
    return (
      <li className="py-3">
        <RoutineForm
          initial={{
            title: routine.title,
            prompt: routine.prompt,
            days: routine.schedule.days,
            time: routine.schedule.time,
          }}
          submitLabel={t("routines.save")}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(values) =>
            update.mutate(
              { id: routine.id, body: toRoutineBody(values) },
              {
                onSuccess: () => {
                  setEditing(false);
                  toast.show(t("routines.saved"));
                },
              },
            )
          }
        />
      </li>
    );
  return (
    <li data-testid="routine-row" className="flex flex-wrap items-start justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="font-medium break-words text-slate-900">{routine.title}</p>
        <p className="mt-0.5 text-sm break-words text-slate-600">{routine.prompt}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <Badge tone={routine.enabled ? "success" : "neutral"}>
            {routine.enabled ? t("routines.active") : t("routines.paused")}
          </Badge>
          <span>{scheduleLabel(routine.schedule)}</span>
          <span aria-hidden="true">·</span>
          <span>{nextRunLabel(routine)}</span>
        </div>
      </div>
      <div className="flex gap-1">
        <Button
          variant="ghost"
          size="sm"
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { id: routine.id, body: { enabled: !routine.enabled } },
              { onError: (error) => toast.show(error.message, "error") },
            )
          }
        >
          {routine.enabled ? t("routines.pause") : t("routines.resume")}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
          {t("routines.edit")}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          disabled={remove.isPending}
          aria-label={t("routines.deleteLabel", { title: routine.title })}
          onClick={() => {
            if (!window.confirm(t("routines.deleteConfirm", { title: routine.title }))) return;
            remove.mutate(routine.id, {
              onSuccess: () => toast.show(t("routines.deleted")),
              onError: (error) => toast.show(error.message, "error"),
            });
          }}
        >
          {t("routines.delete")}
        </Button>
      </div>
    </li>
  );
};

/** Routines: prompts your coach answers on the days and at the time you choose ("every Monday at 9, review my week"). */
export const RoutinesPage = () => {
  const { t } = useTranslation();
  const routines = useRoutines();
  const create = useCreateRoutine();
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const full = (routines.data?.length ?? 0) >= MAX_ROUTINES_PER_USER;
  return (
    <div>
      <PageHeader
        title={t("routines.title")}
        description={t("routines.description")}
        actions={
          !adding && (
            <Button onClick={() => setAdding(true)} disabled={full}>
              {t("routines.add")}
            </Button>
          )
        }
      />
      {adding && (
        <Card className="mb-4">
          <CardHeader title={t("routines.newTitle")} />
          <RoutineForm
            submitLabel={t("routines.create")}
            pending={create.isPending}
            error={create.error}
            onCancel={() => setAdding(false)}
            onSubmit={(values) =>
              create.mutate(toRoutineBody(values), {
                onSuccess: () => {
                  setAdding(false);
                  toast.show(t("routines.created"));
                },
              })
            }
          />
        </Card>
      )}
      <Card>
        <QueryState
          query={routines}
          isEmpty={(items) => items.length === 0}
          empty={<EmptyState title={t("routines.emptyTitle")} description={t("routines.emptyDescription")} />}
        >
          {(items) => (
            <ul className="divide-y divide-slate-100">
              {items.map((routine) => (
                <RoutineRow key={routine.id} routine={routine} />
              ))}
            </ul>
          )}
        </QueryState>
      </Card>
    </div>
  );
};
