import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { fieldError } from "../../../lib/api-error.ts";
import { useModelPreference, useSaveModelPreference } from "../api/model-preference.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

const ModelForm = ({ initial }: { initial: { currentModel: string | null; preferredModels: string[] } }) => {
  const save = useSaveModelPreference();
  const toast = useToast();
  const [current, setCurrent] = useState(initial.currentModel ?? "");
  const [preferred, setPreferred] = useState(initial.preferredModels.join("\n"));
  const formError = useFormError(save.error);
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const preferredModels = preferred
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    save.mutate(
      { currentModel: current.trim() || null, preferredModels },
      { onSuccess: () => toast.show(t("model.saved")) },
    );
  };
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4">
      <FormError error={formError.error} />
      <Field
        label={t("model.chatModel")}
        optional
        hint={t("model.chatModelHint")}
        error={fieldError(save.error, "currentModel")}
      >
        <Input
          value={current}
          maxLength={200}
          onChange={(event) => setCurrent(event.target.value)}
          placeholder={t("model.placeholder")}
        />
      </Field>
      <Field
        label={t("model.preferred")}
        optional
        hint={t("model.preferredHint")}
        error={fieldError(save.error, "preferredModels")}
      >
        <Textarea value={preferred} onChange={(event) => setPreferred(event.target.value)} />
      </Field>
      <Button type="submit" loading={save.isPending}>
        {t("model.save")}
      </Button>
    </form>
  );
};

export const ModelCard = () => {
  const preference = useModelPreference();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="model-title">
      <CardHeader title={<span id="model-title">{t("model.title")}</span>} description={t("model.description")} />
      <QueryState query={preference}>{(data) => <ModelForm initial={data} />}</QueryState>
    </Card>
  );
};
