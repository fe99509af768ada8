import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDateTime, formatRelative, humanize } from "../../../lib/format.ts";
import { useDeadlines, useEvents, usePlaces, useTasks } from "../api/get-entities.ts";
import { useCompleteDeadline, useCreateDeadline, useCreateEvent } from "../api/mutate-entities.ts";
import { AddForm, EntityLink, EntityList, EntitySection, fieldErrors, fromLocalInput } from "./parts.tsx";

const EventForm = ({ close }: { close: () => void }) => {
  const create = useCreateEvent();
  const places = usePlaces();
  const [form, setForm] = useState({ title: "", startsAt: "", endsAt: "", placeId: "", location: "" });
  const errors = fieldErrors(create.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  return (
    <AddForm
      label="Add an event"
      error={create.error}
      pending={create.isPending}
      onCancel={close}
      onSubmit={() =>
        create.mutate(
          { title: form.title, startsAt: fromLocalInput(form.startsAt) ?? Number.NaN, endsAt: fromLocalInput(form.endsAt), placeId: form.placeId || null, location: form.location.trim() || null },
          { onSuccess: close },
        )
      }
    >
      <Field label="Title" error={errors.title}><Input required maxLength={200} value={form.title} onChange={set("title")} /></Field>
      <Field label="Place" optional error={errors.placeId}>
        <Select value={form.placeId} onChange={set("placeId")}>
          <option value="">No saved place</option>
          {places.data?.items.map((place) => <option key={place.id} value={place.id}>{place.name}</option>)}
        </Select>
      </Field>
      <Field label="Starts" error={errors.startsAt}><Input type="datetime-local" required value={form.startsAt} onChange={set("startsAt")} /></Field>
      <Field label="Ends" optional error={errors.endsAt}><Input type="datetime-local" value={form.endsAt} onChange={set("endsAt")} /></Field>
      <Field label="Location" optional hint="When it is not a saved place, e.g. a video link or an address" error={errors.location}><Input maxLength={500} value={form.location} onChange={set("location")} /></Field>
    </AddForm>
  );
};

export const EventsTab = () => {
  const events = useEvents();
  return (
    <EntitySection title="Events" description="Meetings, calls and trips, in date order." addLabel="Add event" form={(close) => <EventForm close={close} />}>
      <EntityList query={events} label="Events" empty="No events yet">
        {(event) => (
          <>
            <div className="min-w-0">
              <EntityLink kind="event" id={event.id}>{event.title}</EntityLink>
              <p className="text-sm text-slate-600">{formatDateTime(event.startsAt)}{event.location ? ` · ${event.location}` : ""}</p>
            </div>
            <div className="flex gap-2"><Badge>{humanize(event.type)}</Badge>{event.status !== "confirmed" && <Badge tone="warning">{humanize(event.status)}</Badge>}</div>
          </>
        )}
      </EntityList>
    </EntitySection>
  );
};

const DeadlineForm = ({ close }: { close: () => void }) => {
  const create = useCreateDeadline();
  const tasks = useTasks();
  const [form, setForm] = useState({ title: "", dueAt: "", type: "deadline", importance: "5", taskId: "" });
  const errors = fieldErrors(create.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  return (
    <AddForm
      label="Add a deadline"
      error={create.error}
      pending={create.isPending}
      onCancel={close}
      onSubmit={() => create.mutate({ title: form.title, dueAt: fromLocalInput(form.dueAt) ?? Number.NaN, type: form.type as "deadline", importance: Number(form.importance), taskId: form.taskId || null }, { onSuccess: close })}
    >
      <Field label="Title" error={errors.title}><Input required maxLength={200} value={form.title} onChange={set("title")} /></Field>
      <Field label="Due" error={errors.dueAt}><Input type="datetime-local" required value={form.dueAt} onChange={set("dueAt")} /></Field>
      <Field label="Kind" error={errors.type}>
        <Select value={form.type} onChange={set("type")}>{["deadline", "milestone", "reminder"].map((type) => <option key={type} value={type}>{humanize(type)}</option>)}</Select>
      </Field>
      <Field label="Importance" hint="1 (low) to 10 (high)" error={errors.importance}><Input type="number" min={1} max={10} value={form.importance} onChange={set("importance")} /></Field>
      <Field label="For task" optional error={errors.taskId}>
        <Select value={form.taskId} onChange={set("taskId")}>
          <option value="">No task</option>
          {tasks.data?.items.map((task) => <option key={task.id} value={task.id}>{task.title}</option>)}
        </Select>
      </Field>
    </AddForm>
  );
};

export const DeadlinesTab = () => {
  const deadlines = useDeadlines();
  const complete = useCompleteDeadline();
  const toast = useToast();
  return (
    <EntitySection title="Deadlines" description="What is due when, soonest first." addLabel="Add deadline" form={(close) => <DeadlineForm close={close} />}>
      <EntityList query={deadlines} label="Deadlines" empty="No deadlines yet">
        {(deadline) => {
          const overdue = deadline.status === "pending" && deadline.dueAt < Date.now();
          return (
            <>
              <div className="min-w-0">
                <EntityLink kind="deadline" id={deadline.id}>{deadline.title}</EntityLink>
                <p className={overdue ? "text-sm font-medium text-red-700" : "text-sm text-slate-600"}>
                  {overdue ? "Overdue · " : "Due "}{formatRelative(deadline.dueAt)} · {formatDateTime(deadline.dueAt)}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge>{humanize(deadline.type)}</Badge>
                {deadline.status === "completed" ? (
                  <Badge tone="success">Done</Badge>
                ) : (
                  <Button size="sm" variant="secondary" aria-label={`Mark “${deadline.title}” done`} loading={complete.isPending && complete.variables === deadline.id} onClick={() => complete.mutate(deadline.id, { onError: (error) => toast.show(errorMessage(error), "error") })}>
                    Done
                  </Button>
                )}
              </div>
            </>
          );
        }}
      </EntityList>
    </EntitySection>
  );
};
