import { useState, type FormEvent } from "react";

import type { TCreateEmotion } from "@cto/contracts/api/coaching";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useCreateEmotion } from "../api/create-check-in.ts";

const FEELINGS = [
  "calm",
  "hopeful",
  "proud",
  "grateful",
  "focused",
  "tired",
  "anxious",
  "frustrated",
  "overwhelmed",
  "sad",
];
/** How the form names a valence; the recent list shows the same word back ("Hard", not "Negative"). */
export const VALENCE_LABELS = { positive: "Pleasant", neutral: "Neutral", negative: "Hard" } as const;
const VALENCES = (Object.keys(VALENCE_LABELS) as (keyof typeof VALENCE_LABELS)[]).map((value) => ({
  value,
  label: VALENCE_LABELS[value],
}));

const EMPTY = { label: "", valence: "neutral" as TCreateEmotion["valence"], intensity: 5, note: "" };

export const EmotionForm = () => {
  const create = useCreateEmotion();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const [missingLabel, setMissingLabel] = useState(false);
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const formError = useFormError(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const label = form.label.trim();
    setMissingLabel(!label);
    if (!label) return;
    create.mutate(
      { label, valence: form.valence, intensity: form.intensity, note: form.note.trim() || null },
      {
        onSuccess: () => {
          setForm(EMPTY);
          toast.show(`Logged: ${label}.`);
        },
      },
    );
  };

  return (
    <Card aria-labelledby="emotion-form-title">
      <CardHeader
        title={<span id="emotion-form-title">How do you feel?</span>}
        description="Name the feeling; your coach and your mood chart use it."
      />
      <form ref={formError.ref} onSubmit={submit} className="space-y-4">
        <FormError error={formError.error} />
        <Field label="Feeling" error={missingLabel ? "Name the feeling, in a word or two." : fields.label}>
          <Input
            list="feeling-suggestions"
            value={form.label}
            maxLength={100}
            onChange={(event) => setForm({ ...form, label: event.target.value })}
            placeholder="e.g. hopeful"
          />
        </Field>
        <datalist id="feeling-suggestions">
          {FEELINGS.map((feeling) => (
            <option key={feeling} value={feeling} />
          ))}
        </datalist>
        <div>
          <p className="mb-1.5 text-sm font-medium text-slate-800" id="valence-label">
            Is it pleasant or hard?
          </p>
          <Segmented
            label="Is it pleasant or hard?"
            options={VALENCES}
            value={form.valence}
            onChange={(valence) => setForm({ ...form, valence })}
          />
        </div>
        <Field label={`Intensity: ${form.intensity} of 10`} error={fields.intensity}>
          <input
            type="range"
            min={1}
            max={10}
            step={1}
            value={form.intensity}
            onChange={(event) => setForm({ ...form, intensity: Number(event.target.value) })}
            className="w-full accent-brand-600"
          />
        </Field>
        <Field label="Note" optional error={fields.note}>
          <Textarea
            value={form.note}
            maxLength={2000}
            onChange={(event) => setForm({ ...form, note: event.target.value })}
            placeholder="What brought it on?"
          />
        </Field>
        <Button type="submit" loading={create.isPending}>
          Log feeling
        </Button>
      </form>
    </Card>
  );
};
