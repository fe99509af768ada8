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
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

export type TRoutineFormValues = { title: string; prompt: string; days: TRoutineDay[]; time: string };

/** A new routine's starting values, in the app's language. */
export const emptyRoutine = (): TRoutineFormValues => ({
  title: i18n.t("routines.defaultTitle"),
  prompt: i18n.t("routines.defaultPrompt"),
  days: ["mon"],
  time: "09:00",
});

/** The form's values as the API takes them (the days in week order; the profile's timezone). */
export const toRoutineBody = (values: TRoutineFormValues): TCreateRoutine => ({
  title: values.title,
  prompt: values.prompt,
  schedule: { days: ROUTINE_DAYS.filter((day) => values.days.includes(day)), time: values.time },
});

/** Title, prompt, days and time of a routine; the API's answer to a bad value is shown at its field. */
export const RoutineForm = ({
  initial,
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
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initial ?? emptyRoutine());
  const form = useFormError(error);
  const set = (change: Partial<TRoutineFormValues>) => setValues((current) => ({ ...current, ...change }));
  const toggle = (day: TRoutineDay) =>
    set({ days: values.days.includes(day) ? values.days.filter((d) => d !== day) : [...values.days, day] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const daysError = values.days.length === 0 ? t("routines.form.pickDay") : fieldError(error, "schedule.days");
  return (
    <form ref={form.ref} onSubmit={submit} className="space-y-4" aria-label={submitLabel}>
      <FormError error={form.error} />
      <Field label={t("routines.form.title")} error={fieldError(error, "title")}>
        <Input
          value={values.title}
          maxLength={MAX_ROUTINE_TITLE_CHARS}
          required
          onChange={(event) => set({ title: event.target.value })}
        />
      </Field>
      <Field label={t("routines.form.prompt")} error={fieldError(error, "prompt")}>
        <Textarea
          value={values.prompt}
          maxLength={MAX_ROUTINE_PROMPT_CHARS}
          required
          onChange={(event) => set({ prompt: event.target.value })}
        />
      </Field>
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-slate-800">{t("routines.form.days")}</legend>
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
              {t(`routines.days.${day}`)}
            </Button>
          ))}
        </div>
        {daysError && <p className="mt-1 text-sm text-red-700">{daysError}</p>}
      </fieldset>
      <Field
        label={t("routines.form.time")}
        hint={t("routines.form.timeHint")}
        error={fieldError(error, "schedule.time")}
      >
        <Input type="time" value={values.time} required onChange={(event) => set({ time: event.target.value })} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || values.days.length === 0}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t("routines.form.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
};
