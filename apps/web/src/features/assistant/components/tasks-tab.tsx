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
import { formatDate, humanize, toLocalInput } from "../../../lib/format.ts";
import { loadedItems, useTasks } from "../api/get-entities.ts";
import { useCompleteTask, useCreateTask, useUpdateTask } from "../api/mutate-entities.ts";
import type { TTask } from "../api/types.ts";
import { AddForm, EntityLink, EntitySection, fieldErrors, fromLocalInput } from "./parts.tsx";

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
      label={task ? `Edit “${task.title}”` : "Add a task"}
      error={mutation.error}
      pending={mutation.isPending}
      onCancel={close}
      onSubmit={submit}
    >
      <Field label="Task" error={errors.title}>
        <Input required maxLength={200} value={form.title} onChange={set("title")} />
      </Field>
      <Field label="Priority" error={errors.priority}>
        <Select value={form.priority} onChange={set("priority")}>
          {["low", "medium", "high", "urgent"].map((priority) => (
            <option key={priority} value={priority}>
              {humanize(priority)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due" optional error={errors.dueDate}>
        <Input type="datetime-local" value={form.dueDate} onChange={set("dueDate")} />
      </Field>
      {task && (
        <Field label="Status" error={errors.status}>
          <Select value={form.status} onChange={set("status")}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {humanize(status)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Notes" optional error={errors.description} className="sm:col-span-2">
        <Textarea maxLength={5000} value={form.description} onChange={set("description")} />
      </Field>
    </AddForm>
  );
};

const SubtaskForm = ({ parent, close }: { parent: TTask; close: () => void }) => {
  const create = useCreateTask();
  const [title, setTitle] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title, parentId: parent.id }, { onSuccess: close });
  };
  return (
    <form
      onSubmit={submit}
      className="mt-2 flex flex-wrap items-end gap-2 pl-8"
      aria-label={`Add a subtask to “${parent.title}”`}
    >
      <FormError error={create.error} />
      <Field label="Subtask" className="min-w-48 flex-1">
        <Input required autoFocus maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <Button type="submit" size="sm" loading={create.isPending}>
        Add
      </Button>
      <Button size="sm" variant="ghost" onClick={close}>
        Cancel
      </Button>
    </form>
  );
};

const TaskRow = ({ task, depth }: { task: TTask; depth: number }) => {
  const complete = useCompleteTask();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
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
        aria-label={`Complete “${task.title}”`}
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
        {task.dueDate !== null && <span className="ml-2 text-xs text-slate-500">due {formatDate(task.dueDate)}</span>}
      </div>
      <Badge tone={PRIORITY_TONE[task.priority]}>{humanize(task.priority)}</Badge>
      {task.status !== "pending" && (
        <Badge tone={task.status === "completed" ? "success" : "neutral"}>{humanize(task.status)}</Badge>
      )}
      <Button size="sm" variant="ghost" aria-label={`Edit “${task.title}”`} onClick={() => setEditing(true)}>
        Edit
      </Button>
    </div>
  );
};

export const TasksTab = () => {
  const tasks = useTasks();
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const tree = taskTree(loadedItems(tasks.data));
  return (
    <EntitySection
      title="Tasks"
      description="What needs doing, broken into subtasks where it helps."
      addLabel="Add task"
      form={(close) => <TaskForm close={close} />}
    >
      {tasks.isPending ? (
        <LoadingBlock label="Loading tasks…" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tree.roots.length === 0 ? (
        <EmptyState title="No tasks yet" />
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label="Tasks">
            {tree.roots.map((task) => (
              <li key={task.id} className="space-y-2 py-3">
                <TaskRow task={task} depth={0} />
                {tree.children(task.id).length > 0 && (
                  <ul className="space-y-2" aria-label={`Subtasks of “${task.title}”`}>
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
                    aria-label={`Add a subtask to “${task.title}”`}
                  >
                    + Subtask
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <LoadMore query={tasks} label="Load more tasks" />
        </>
      )}
    </EntitySection>
  );
};
