import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select, Textarea } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { formatDate, toLocalInput } from "../../../lib/format.ts";
import { loadedItems, useTasks } from "../api/get-entities.ts";
import { useCompleteTask, useCreateTask, useUpdateTask } from "../api/mutate-entities.ts";
import type { TTask } from "../api/types.ts";
import { AddForm, EntityLink, EntitySection, fieldErrors, fromLocalInput } from "./parts.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";

const PRIORITY_TONE = { low: "neutral", medium: "neutral", high: "warning", urgent: "danger" } as const;

/** Tasks as a tree: top-level tasks with their subtasks under them; orphans (parent trashed) at the top level. */
export const taskTree = (tasks: TTask[]) => {
  const ids = new Set(tasks.map((task) => task.id));
  const roots = tasks.filter((task) => !task.parentId || !ids.has(task.parentId));
  // Subtasks keep their own order (position), not the due-date order of the list.
  const children = (id: string) => tasks.filter((task) => task.parentId === id).sort((a, b) => a.position - b.position);
  return { roots, children };
};

const STATUSES = ["pending", "in_progress", "deferred", "completed", "cancelled"] as const;

/** Add a task, or edit one (`task` given): what, how urgent, by when, where it stands and any notes. */
export const TaskForm = ({ close, task }: { close: () => void; task?: TTask }) => {
  const create = useCreateTask();
  const update = useUpdateTask();
  const mutation = task ? update : create;
  const { t } = useTranslation();
  const [form, setForm] = useState({
    title: task?.title ?? "",
    priority: task?.priority ?? "medium",
    dueDate: toLocalInput(task?.dueDate),
    status: task?.status ?? "pending",
    description: task?.description ?? "",
  });
  const errors = fieldErrors(mutation.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = () => {
    const body = {
      title: form.title,
      priority: form.priority as "medium",
      dueDate: fromLocalInput(form.dueDate),
      description: form.description.trim() || null,
    };
    if (task) update.mutate({ id: task.id, ...body, status: form.status as "pending" }, { onSuccess: close });
    else create.mutate(body, { onSuccess: close });
  };
  return (
    <AddForm
      label={task ? t("assistant.editNamed", { title: task.title }) : t("assistant.addForm.task")}
      error={mutation.error}
      pending={mutation.isPending}
      onCancel={close}
      onSubmit={submit}
    >
      <Field label={t("assistant.fields.task")} error={errors.title}>
        <Input required maxLength={200} value={form.title} onChange={set("title")} />
      </Field>
      <Field label={t("assistant.fields.priority")} error={errors.priority}>
        <Select value={form.priority} onChange={set("priority")}>
          {(["low", "medium", "high", "urgent"] as const).map((priority) => (
            <option key={priority} value={priority}>
              {t(`assistant.priorities.${priority}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("assistant.fields.due")} optional error={errors.dueDate}>
        <Input type="datetime-local" value={form.dueDate} onChange={set("dueDate")} />
      </Field>
      {task && (
        <Field label={t("assistant.fields.status")} error={errors.status}>
          <Select value={form.status} onChange={set("status")}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`assistant.taskStatus.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t("assistant.fields.notes")} optional error={errors.description} className="sm:col-span-2">
        <Textarea maxLength={5000} value={form.description} onChange={set("description")} />
      </Field>
    </AddForm>
  );
};

const SubtaskForm = ({ parent, close }: { parent: TTask; close: () => void }) => {
  const create = useCreateTask();
  const [title, setTitle] = useState("");
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title, parentId: parent.id }, { onSuccess: close });
  };
  return (
    <form
      onSubmit={submit}
      className="mt-2 flex flex-wrap items-end gap-2 pl-8"
      aria-label={t("assistant.tasks.addSubtask", { title: parent.title })}
    >
      <FormError error={create.error} />
      <Field label={t("assistant.tasks.subtask")} className="min-w-48 flex-1">
        <Input required autoFocus maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <Button type="submit" size="sm" loading={create.isPending}>
        {t("assistant.tasks.add")}
      </Button>
      <Button size="sm" variant="ghost" onClick={close}>
        {t("assistant.cancel")}
      </Button>
    </form>
  );
};

const TaskRow = ({ task, depth }: { task: TTask; depth: number }) => {
  const complete = useCompleteTask();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const { t } = useTranslation();
  const done = task.status === "completed" || task.status === "cancelled";
  if (editing)
    return (
      <div className={cn("rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200", depth > 0 && "ml-8")}>
        <TaskForm task={task} close={() => setEditing(false)} />
      </div>
    );
  return (
    <div className={cn("flex flex-wrap items-center gap-3", depth > 0 && "pl-8")}>
      {/* biome-ignore lint/a11y/useSemanticElements: a one-way "complete" control styled as a box; once done it stays checked and disabled */}
      <button
        type="button"
        role="checkbox"
        aria-checked={done}
        aria-label={t("assistant.tasks.complete", { title: task.title })}
        disabled={done || complete.isPending}
        onClick={() => complete.mutate(task.id, { onError: (error) => toast.show(errorMessage(error), "error") })}
        className={cn(
          "grid size-5 shrink-0 place-items-center rounded border text-xs",
          done ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-400 hover:border-brand-600",
        )}
      >
        {done ? "✓" : ""}
      </button>
      <div className="min-w-0 flex-1">
        <span className={done ? "text-slate-500 line-through" : undefined}>
          <EntityLink kind="task" id={task.id}>
            {task.title}
          </EntityLink>
        </span>
        {task.dueDate !== null && (
          <span className="ml-2 text-xs text-slate-500">
            {t("assistant.tasks.due", { date: formatDate(task.dueDate) })}
          </span>
        )}
      </div>
      <Badge tone={PRIORITY_TONE[task.priority]}>{enumLabel("assistant.priorities", task.priority)}</Badge>
      {task.status !== "pending" && (
        <Badge tone={task.status === "completed" ? "success" : "neutral"}>
          {enumLabel("assistant.taskStatus", task.status)}
        </Badge>
      )}
      <Button
        size="sm"
        variant="ghost"
        aria-label={t("assistant.editNamed", { title: task.title })}
        onClick={() => setEditing(true)}
      >
        {t("assistant.edit")}
      </Button>
    </div>
  );
};

export const TasksTab = () => {
  const tasks = useTasks();
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const tree = taskTree(loadedItems(tasks.data));
  const { t } = useTranslation();
  return (
    <EntitySection kind="task" form={(close) => <TaskForm close={close} />}>
      {tasks.isPending ? (
        <LoadingBlock label={t("assistant.loading.task")} />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tree.roots.length === 0 ? (
        <EmptyState title={t("assistant.empty.task")} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label={t("assistant.plurals.task")}>
            {tree.roots.map((task) => (
              <li key={task.id} className="space-y-2 py-3">
                <TaskRow task={task} depth={0} />
                {tree.children(task.id).length > 0 && (
                  <ul className="space-y-2" aria-label={t("assistant.tasks.subtasksOf", { title: task.title })}>
                    {tree.children(task.id).map((child) => (
                      <li key={child.id}>
                        <TaskRow task={child} depth={1} />
                      </li>
                    ))}
                  </ul>
                )}
                {addingTo === task.id ? (
                  <SubtaskForm parent={task} close={() => setAddingTo(null)} />
                ) : (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="ml-6"
                    onClick={() => setAddingTo(task.id)}
                    aria-label={t("assistant.tasks.addSubtask", { title: task.title })}
                  >
                    {t("assistant.tasks.subtaskButton")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <LoadMore query={tasks} label={t("assistant.loadMore.task")} />
        </>
      )}
    </EntitySection>
  );
};
