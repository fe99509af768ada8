import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { reminderOutlook, useBackgroundJobs } from "../../../lib/background-jobs.ts";
import { formatDateTime, formatRelative, toLocalInput } from "../../../lib/format.ts";
import { useDeadlines, useEntityChoices, useEvents } from "../api/get-entities.ts";
import {
  useCompleteDeadline,
  useCreateDeadline,
  useCreateEvent,
  useUpdateDeadline,
  useUpdateEvent,
} from "../api/mutate-entities.ts";
import type { TDeadline, TEvent } from "../api/types.ts";
import { useEntityForm } from "./entity-form.ts";
import { AddForm, EntityList, EntityRow, EntitySection, fromLocalInput } from "./parts.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";

/** Add an event, or edit one (`event` given). */
export const EventForm = ({ close, event: saved }: { close: () => void; event?: TEvent }) => {
  const places = useEntityChoices("place");
  const { t } = useTranslation();
  const entity = useEntityForm({
    saved,
    create: useCreateEvent(),
    update: useUpdateEvent(),
    close,
    initial: {
      title: saved?.title ?? "",
      startsAt: toLocalInput(saved?.startsAt),
      endsAt: toLocalInput(saved?.endsAt),
      placeId: saved?.placeId ?? "",
      location: saved?.location ?? "",
    },
  });
  const { form, set, save, frame } = entity;
  // Checked here too: on a change the API's check is the database's, which names no form field.
  const [endsTooEarly, setEndsTooEarly] = useState(false);
  const errors: Record<string, string> = {
    ...entity.errors,
    ...(endsTooEarly ? { endsAt: t("assistant.endsBeforeStart") } : {}),
  };
  const submit = () => {
    const [starts, ends] = [fromLocalInput(form.startsAt), fromLocalInput(form.endsAt)];
    setEndsTooEarly(starts !== null && ends !== null && ends < starts);
    if (starts !== null && ends !== null && ends < starts) return;
    save({
      title: form.title,
      startsAt: fromLocalInput(form.startsAt) ?? Number.NaN,
      endsAt: fromLocalInput(form.endsAt),
      placeId: form.placeId || null,
      location: form.location.trim() || null,
    });
  };
  return (
    <AddForm label={t(saved ? "assistant.editKind.event" : "assistant.addForm.event")} onSubmit={submit} {...frame}>
      <Field label={t("assistant.fields.title")} error={errors.title}>
        <Input required maxLength={200} value={form.title} onChange={set("title")} />
      </Field>
      <Field label={t("assistant.fields.place")} optional error={errors.placeId}>
        <Select value={form.placeId} onChange={set("placeId")}>
          <option value="">{t("assistant.fields.noPlace")}</option>
          {places.map((place) => (
            <option key={place.id} value={place.id}>
              {place.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("assistant.fields.starts")} error={errors.startsAt}>
        <Input type="datetime-local" required value={form.startsAt} onChange={set("startsAt")} />
      </Field>
      <Field label={t("assistant.fields.ends")} optional error={errors.endsAt}>
        <Input type="datetime-local" value={form.endsAt} onChange={set("endsAt")} />
      </Field>
      <Field
        label={t("assistant.fields.location")}
        optional
        hint={t("assistant.fields.locationHint")}
        error={errors.location}
      >
        <Input maxLength={500} value={form.location} onChange={set("location")} />
      </Field>
    </AddForm>
  );
};

export const EventsTab = () => {
  const events = useEvents();
  return (
    <EntitySection kind="event" form={(close) => <EventForm close={close} />}>
      <EntityList query={events} kind="event">
        {(event) => (
          <EntityRow
            kind="event"
            id={event.id}
            title={event.title}
            aside={
              <div className="flex gap-2">
                <Badge>{enumLabel("assistant.eventTypes", event.type)}</Badge>
                {event.status !== "confirmed" && (
                  <Badge tone="warning">{enumLabel("assistant.eventStatus", event.status)}</Badge>
                )}
              </div>
            }
          >
            <p className="text-sm text-slate-600">
              {formatDateTime(event.startsAt)}
              {event.location ? ` · ${event.location}` : ""}
            </p>
          </EntityRow>
        )}
      </EntityList>
    </EntitySection>
  );
};

/** Add a deadline, or edit one (`deadline` given). */
export const DeadlineForm = ({ close, deadline }: { close: () => void; deadline?: TDeadline }) => {
  const tasks = useEntityChoices("task");
  const outlook = reminderOutlook(useBackgroundJobs());
  const { t } = useTranslation();
  const entity = useEntityForm({
    saved: deadline,
    create: useCreateDeadline(),
    update: useUpdateDeadline(),
    close,
    initial: {
      title: deadline?.title ?? "",
      dueAt: toLocalInput(deadline?.dueAt),
      reminderAt: toLocalInput(deadline?.reminderAt),
      type: deadline?.type ?? "deadline",
      importance: String(deadline?.importance ?? 5),
      taskId: deadline?.taskId ?? "",
    },
  });
  const { form, set, save, frame } = entity;
  // Checked here first: a reminder time already gone (and not the one stored) would never be sent.
  const [reminderProblem, setReminderProblem] = useState<string | null>(null);
  const errors: Record<string, string> = {
    ...entity.errors,
    ...(reminderProblem ? { reminderAt: reminderProblem } : {}),
  };
  const submit = () => {
    const [dueAt, reminderAt] = [fromLocalInput(form.dueAt), fromLocalInput(form.reminderAt)];
    // The form shows minutes: a stored time left as it was is sent back as stored, not rounded.
    const unchanged = deadline !== undefined && form.reminderAt === toLocalInput(deadline.reminderAt);
    const problem =
      reminderAt !== null && !unchanged && reminderAt < Date.now()
        ? t("assistant.reminderPassed")
        : reminderAt !== null && dueAt !== null && reminderAt > dueAt
          ? t("assistant.reminderAfterDue")
          : null;
    setReminderProblem(problem);
    if (problem) return;
    save({
      title: form.title,
      dueAt: dueAt ?? Number.NaN,
      reminderAt: unchanged ? (deadline?.reminderAt ?? null) : reminderAt,
      type: form.type as "deadline",
      importance: Number(form.importance),
      taskId: form.taskId || null,
    });
  };
  return (
    <AddForm
      label={t(deadline ? "assistant.editKind.deadline" : "assistant.addForm.deadline")}
      onSubmit={submit}
      {...frame}
    >
      <Field label={t("assistant.fields.title")} error={errors.title}>
        <Input required maxLength={200} value={form.title} onChange={set("title")} />
      </Field>
      <Field label={t("assistant.fields.due")} error={errors.dueAt}>
        <Input type="datetime-local" required value={form.dueAt} onChange={set("dueAt")} />
      </Field>
      <Field
        label={t("assistant.fields.remindAt")}
        optional
        hint={outlook ?? t("assistant.fields.remindHint")}
        error={errors.reminderAt}
      >
        <Input type="datetime-local" value={form.reminderAt} onChange={set("reminderAt")} />
      </Field>
      <Field label={t("assistant.fields.kind")} error={errors.type}>
        <Select value={form.type} onChange={set("type")}>
          {(["deadline", "milestone", "reminder"] as const).map((type) => (
            <option key={type} value={type}>
              {t(`assistant.deadlineTypes.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("assistant.fields.importance")} hint={t("assistant.importanceHint")} error={errors.importance}>
        <Input type="number" min={1} max={10} value={form.importance} onChange={set("importance")} />
      </Field>
      <Field label={t("assistant.fields.forTask")} optional error={errors.taskId}>
        <Select value={form.taskId} onChange={set("taskId")}>
          <option value="">{t("assistant.fields.noTask")}</option>
          {tasks.map((task) => (
            <option key={task.id} value={task.id}>
              {task.name}
            </option>
          ))}
        </Select>
      </Field>
    </AddForm>
  );
};

export const DeadlinesTab = () => {
  const deadlines = useDeadlines();
  const complete = useCompleteDeadline();
  const toast = useToast();
  const { t } = useTranslation();
  return (
    <EntitySection kind="deadline" form={(close) => <DeadlineForm close={close} />}>
      <EntityList query={deadlines} kind="deadline">
        {(deadline) => {
          const overdue = deadline.status === "pending" && deadline.dueAt < Date.now();
          return (
            <EntityRow
              kind="deadline"
              id={deadline.id}
              title={deadline.title}
              aside={
                <div className="flex items-center gap-2">
                  <Badge>{enumLabel("assistant.deadlineTypes", deadline.type)}</Badge>
                  {deadline.status === "completed" ? (
                    <Badge tone="success">{t("assistant.deadlines.done")}</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t("assistant.deadlines.markDone", { title: deadline.title })}
                      loading={complete.isPending && complete.variables === deadline.id}
                      onClick={() =>
                        complete.mutate(deadline.id, { onError: (error) => toast.show(errorMessage(error), "error") })
                      }
                    >
                      {t("assistant.deadlines.done")}
                    </Button>
                  )}
                </div>
              }
            >
              <p className={overdue ? "text-sm font-medium text-red-700" : "text-sm text-slate-600"}>
                {t(overdue ? "assistant.deadlines.overdue" : "assistant.deadlines.due", {
                  when: formatRelative(deadline.dueAt),
                  date: formatDateTime(deadline.dueAt),
                })}
              </p>
              {deadline.reminderAt !== null && deadline.status === "pending" && (
                <p className="text-xs text-slate-500">
                  {t("assistant.deadlines.reminder", { date: formatDateTime(deadline.reminderAt) })}
                </p>
              )}
            </EntityRow>
          );
        }}
      </EntityList>
    </EntitySection>
  );
};
