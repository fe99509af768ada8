import { type FormEvent, useState } from "react";

import {
  MAX_ROUTINE_PROMPT_CHARS,
  MAX_ROUTINE_TITLE_CHARS,
  ROUTINE_DAYS,
  type TCreateRoutine,
  type TRoutineDay,
} from "@cto/contracts/api/routines";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { fieldError } from "../../../lib/api-error.ts";

export const DAY_LABELS: Record<TRoutineDay, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

export type TRoutineFormValues = { title: string; prompt: string; days: TRoutineDay[]; time: string };

export const EMPTY_ROUTINE: TRoutineFormValues = {
  title: "Weekly review",
  prompt: "Review my week with me: what went well, what slipped, and what matters next week.",
  days: ["mon"],
  time: "09:00",
};

/** The form's values as the API takes them (the days in week order; the profile's timezone). */
export const toRoutineBody = (values: TRoutineFormValues): TCreateRoutine => ({
  title: values.title,
  prompt: values.prompt,
  schedule: { days: ROUTINE_DAYS.filter((day) => values.days.includes(day)), time: values.time },
});

/** Title, prompt, days and time of a routine; the API's answer to a bad value is shown at its field. */
export const RoutineForm = ({
  initial = EMPTY_ROUTINE,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: TRoutineFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: TRoutineFormValues) => void;
  onCancel?: () => void;
}) => {
  const [values, setValues] = useState(initial);
  const form = useFormError(error);
  const set = (change: Partial<TRoutineFormValues>) => setValues((current) => ({ ...current, ...change }));
  const toggle = (day: TRoutineDay) =>
    set({ days: values.days.includes(day) ? values.days.filter((d) => d !== day) : [...values.days, day] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const daysError = values.days.length === 0 ? "Pick at least one day." : fieldError(error, "schedule.days");
  return (
    <form ref={form.ref} onSubmit={submit} className="space-y-4" aria-label={submitLabel}>
      <FormError error={form.error} />
      <Field label="Title" error={fieldError(error, "title")}>
        <Input
          value={values.title}
          maxLength={MAX_ROUTINE_TITLE_CHARS}
          required
          onChange={(event) => set({ title: event.target.value })}
        />
      </Field>
      <Field label="What should your coach do?" error={fieldError(error, "prompt")}>
        <Textarea
          value={values.prompt}
          maxLength={MAX_ROUTINE_PROMPT_CHARS}
          required
          onChange={(event) => set({ prompt: event.target.value })}
        />
      </Field>
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-slate-800">Days</legend>
        <div className="flex flex-wrap gap-2">
          {ROUTINE_DAYS.map((day) => (
            <Button
              key={day}
              type="button"
              size="sm"
              variant={values.days.includes(day) ? "primary" : "secondary"}
              aria-pressed={values.days.includes(day)}
              onClick={() => toggle(day)}
            >
              {DAY_LABELS[day]}
            </Button>
          ))}
        </div>
        {daysError && <p className="mt-1 text-sm text-red-700">{daysError}</p>}
      </fieldset>
      <Field label="Time" hint="In your profile's timezone" error={fieldError(error, "schedule.time")}>
        <Input type="time" value={values.time} required onChange={(event) => set({ time: event.target.value })} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || values.days.length === 0}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
};
