import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Textarea } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { useCreateEnergy } from "../api/create-check-in.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

const LEVELS = Array.from({ length: 10 }, (_, index) => index + 1);

export const EnergyForm = () => {
  const create = useCreateEnergy();
  const toast = useToast();
  const [level, setLevel] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const formError = useFormError(create.error);
  const { t } = useTranslation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(level === null);
    if (level === null) return;
    create.mutate(
      { level, note: note.trim() || null },
      {
        onSuccess: () => {
          setLevel(null);
          setNote("");
          toast.show(t("checkInForms.energyLogged", { level }));
        },
      },
    );
  };

  return (
    <Card aria-labelledby="energy-form-title">
      <CardHeader
        title={<span id="energy-form-title">{t("checkInForms.energyTitle")}</span>}
        description={t("checkInForms.energyDescription")}
      />
      <form ref={formError.ref} onSubmit={submit} className="space-y-4">
        <FormError error={formError.error} />
        <fieldset aria-describedby={missing ? "energy-missing" : undefined}>
          <legend className="mb-1.5 text-sm font-medium text-slate-800">{t("checkInForms.energyLevel")}</legend>
          <div className="grid grid-cols-5 gap-2 sm:grid-cols-10">
            {LEVELS.map((value) => (
              <label
                key={value}
                className={cn(
                  "grid h-10 cursor-pointer place-items-center rounded-lg text-sm font-medium ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
                  level === value
                    ? "bg-teal-600 text-white ring-teal-600"
                    : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                <input
                  type="radio"
                  name="energy-level"
                  value={value}
                  checked={level === value}
                  onChange={() => setLevel(value)}
                  className="sr-only"
                  aria-label={t("checkInForms.energyOption", { value })}
                />
                {value}
              </label>
            ))}
          </div>
          {missing && (
            <p id="energy-missing" className="mt-1 text-sm text-red-700">
              {t("checkInForms.levelMissing")}
            </p>
          )}
        </fieldset>
        <Field label={t("checkInForms.note")} optional error={fields.note}>
          <Textarea
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t("checkInForms.energyNotePlaceholder")}
          />
        </Field>
        <Button type="submit" loading={create.isPending}>
          {t("checkInForms.logEnergy")}
        </Button>
      </form>
    </Card>
  );
};
