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
import { useSaveUserContext, useUserContext, type TUserContext, type TUserContextInput } from "../api/user-context.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

// The fields' labels and hints are messages under `userContext.fields` and `.hints`, by key.
const TEXT_FIELDS = ["personalBio", "workContext", "aiPreferences"] as const;
const SHORT_FIELDS = ["communicationStyle", "decisionMakingStyle", "timeManagementStyle", "workingHours"] as const;
const LIST_FIELDS = [
  "longTermGoals",
  "currentChallenges",
  "expertiseAreas",
  "learningObjectives",
  "preferredMeetingTimes",
] as const;

type TForm = Record<keyof TUserContextInput, string>;

// Lists are edited one item per line: simple to type, and nothing to learn.
const toForm = (context: TUserContext | null): TForm => {
  const form = {} as TForm;
  for (const key of [...TEXT_FIELDS, ...SHORT_FIELDS]) form[key] = context?.[key] ?? "";
  for (const key of LIST_FIELDS) form[key] = (context?.[key] ?? []).join("\n");
  return form;
};

const toInput = (form: TForm): TUserContextInput => {
  const input = {} as Record<string, string | null | string[]>;
  for (const key of [...TEXT_FIELDS, ...SHORT_FIELDS]) input[key] = form[key].trim() || null;
  for (const key of LIST_FIELDS)
    input[key] = form[key]
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  return input as TUserContextInput;
};

const ContextFields = ({ initial }: { initial: TUserContext | null }) => {
  const save = useSaveUserContext();
  const toast = useToast();
  const [form, setForm] = useState(() => toForm(initial));
  const formError = useFormError(save.error);
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toInput(form), {
      onSuccess: () => toast.show(t("userContext.saved")),
    });
  };
  const set = (key: keyof TForm) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4">
      <FormError error={formError.error} />
      {TEXT_FIELDS.map((key) => (
        <Field
          key={key}
          label={t(`userContext.fields.${key}`)}
          hint={t(`userContext.hints.${key}`)}
          optional
          error={fieldError(save.error, key)}
        >
          <Textarea value={form[key]} maxLength={5000} onChange={set(key)} />
        </Field>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        {SHORT_FIELDS.map((key) => (
          <Field key={key} label={t(`userContext.fields.${key}`)} optional error={fieldError(save.error, key)}>
            <Input value={form[key]} maxLength={200} onChange={set(key)} />
          </Field>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {LIST_FIELDS.map((key) => (
          <Field
            key={key}
            label={t(`userContext.fields.${key}`)}
            hint={t("userContext.onePerLine")}
            optional
            error={fieldError(save.error, key)}
          >
            <Textarea value={form[key]} onChange={set(key)} />
          </Field>
        ))}
      </div>
      <Button type="submit" loading={save.isPending}>
        {t("userContext.save")}
      </Button>
    </form>
  );
};

/** 004's user context: what the coach knows about you, replaced as a whole on save. */
export const ContextForm = () => {
  const context = useUserContext();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="context-title">
      <CardHeader
        title={<span id="context-title">{t("userContext.title")}</span>}
        description={t("userContext.description")}
      />
      <QueryState query={context} loadingLines={6}>
        {(data) => <ContextFields initial={data} />}
      </QueryState>
    </Card>
  );
};
