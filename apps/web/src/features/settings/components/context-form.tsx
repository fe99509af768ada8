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

const TEXT_FIELDS = [
  ["personalBio", "About you", "What should your coach know about you?"],
  ["workContext", "Your work", "Team, role, what a normal week looks like."],
  ["aiPreferences", "How the coach should help", "e.g. ask questions before giving advice."],
] as const;
const SHORT_FIELDS = [
  ["communicationStyle", "Communication style"],
  ["decisionMakingStyle", "Decision-making style"],
  ["timeManagementStyle", "Time management style"],
  ["workingHours", "Working hours"],
] as const;
const LIST_FIELDS = [
  ["longTermGoals", "Long-term goals"],
  ["currentChallenges", "Current challenges"],
  ["expertiseAreas", "Expertise"],
  ["learningObjectives", "What you want to learn"],
  ["preferredMeetingTimes", "Preferred meeting times"],
] as const;

type TForm = Record<keyof TUserContextInput, string>;

// Lists are edited one item per line: simple to type, and nothing to learn.
const toForm = (context: TUserContext | null): TForm => {
  const form = {} as TForm;
  for (const [key] of [...TEXT_FIELDS, ...SHORT_FIELDS]) form[key] = context?.[key] ?? "";
  for (const [key] of LIST_FIELDS) form[key] = (context?.[key] ?? []).join("\n");
  return form;
};

const toInput = (form: TForm): TUserContextInput => {
  const input = {} as Record<string, string | null | string[]>;
  for (const [key] of [...TEXT_FIELDS, ...SHORT_FIELDS]) input[key] = form[key].trim() || null;
  for (const [key] of LIST_FIELDS)
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toInput(form), {
      onSuccess: () => toast.show("Your context is saved. The coach uses it from the next message."),
    });
  };
  const set = (key: keyof TForm) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4">
      <FormError error={formError.error} />
      {TEXT_FIELDS.map(([key, label, hint]) => (
        <Field key={key} label={label} hint={hint} optional error={fieldError(save.error, key)}>
          <Textarea value={form[key]} maxLength={5000} onChange={set(key)} />
        </Field>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        {SHORT_FIELDS.map(([key, label]) => (
          <Field key={key} label={label} optional error={fieldError(save.error, key)}>
            <Input value={form[key]} maxLength={200} onChange={set(key)} />
          </Field>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {LIST_FIELDS.map(([key, label]) => (
          <Field key={key} label={label} hint="One per line." optional error={fieldError(save.error, key)}>
            <Textarea value={form[key]} onChange={set(key)} />
          </Field>
        ))}
      </div>
      <Button type="submit" loading={save.isPending}>
        Save context
      </Button>
    </form>
  );
};

/** 004's user context: what the coach knows about you, replaced as a whole on save. */
export const ContextForm = () => {
  const context = useUserContext();
  return (
    <Card aria-labelledby="context-title">
      <CardHeader
        title={<span id="context-title">What your coach knows about you</span>}
        description="Used to ground every reply. Leave anything blank you would rather not share."
      />
      <QueryState query={context} loadingLines={6}>
        {(data) => <ContextFields initial={data} />}
      </QueryState>
    </Card>
  );
};
