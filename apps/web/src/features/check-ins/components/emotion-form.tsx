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
import { useTranslation } from "../../../lib/i18n/index.ts";

// Suggestions for the feeling, in the language shown (`checkInForms.feelings`); anything else may be typed.
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
] as const;
// How the form names a valence (`checkInForms.valences`); the recent list shows the same word back ("Hard", not "Negative").
const VALENCES = ["positive", "neutral", "negative"] as const;

const EMPTY = { label: "", valence: "neutral" as TCreateEmotion["valence"], intensity: 5, note: "" };

export const EmotionForm = () => {
  const create = useCreateEmotion();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const [missingLabel, setMissingLabel] = useState(false);
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const formError = useFormError(create.error);
  const { t } = useTranslation();

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
          toast.show(t("checkInForms.logged", { label }));
        },
      },
    );
  };

  return (
    <Card aria-labelledby="emotion-form-title">
      <CardHeader
        title={<span id="emotion-form-title">{t("checkInForms.emotionTitle")}</span>}
        description={t("checkInForms.emotionDescription")}
      />
      <form ref={formError.ref} onSubmit={submit} className="space-y-4">
        <FormError error={formError.error} />
        <Field label={t("checkInForms.feeling")} error={missingLabel ? t("checkInForms.feelingMissing") : fields.label}>
          <Input
            list="feeling-suggestions"
            value={form.label}
            maxLength={100}
            onChange={(event) => setForm({ ...form, label: event.target.value })}
            placeholder={t("checkInForms.feelingPlaceholder")}
          />
        </Field>
        <datalist id="feeling-suggestions">
          {FEELINGS.map((feeling) => (
            <option key={feeling} value={t(`checkInForms.feelings.${feeling}`)} />
          ))}
        </datalist>
        <div>
          <p className="mb-1.5 text-sm font-medium text-slate-800" id="valence-label">
            {t("checkInForms.valenceQuestion")}
          </p>
          <Segmented
            label={t("checkInForms.valenceQuestion")}
            options={VALENCES.map((value) => ({ value, label: t(`checkInForms.valences.${value}`) }))}
            value={form.valence}
            onChange={(valence) => setForm({ ...form, valence })}
          />
        </div>
        <Field label={t("checkInForms.intensity", { intensity: form.intensity })} error={fields.intensity}>
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
        <Field label={t("checkInForms.note")} optional error={fields.note}>
          <Textarea
            value={form.note}
            maxLength={2000}
            onChange={(event) => setForm({ ...form, note: event.target.value })}
            placeholder={t("checkInForms.emotionNotePlaceholder")}
          />
        </Field>
        <Button type="submit" loading={create.isPending}>
          {t("checkInForms.logFeeling")}
        </Button>
      </form>
    </Card>
  );
};
