import { Link, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { Card, PageHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { fieldError } from "../../../lib/api-error.ts";
import { useSaveOnboarding } from "../api/save-onboarding.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** One item a line, blank lines dropped: how people write a short list. */
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Right after sign-up: a short invitation to tell the coach who you are and what you are working on
 * (your role, goals, work and what is hard), which grounds every reply. Everything is optional and
 * the whole step can be skipped; it is all editable later in Settings.
 */
export const OnboardingPage = () => {
  const navigate = useNavigate();
  const save = useSaveOnboarding();
  const toast = useToast();
  const formError = useFormError(save.error);
  const { t } = useTranslation();
  const [form, setForm] = useState({ role: "", goals: "", work: "", challenges: "" });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        currentRole: form.role.trim() || null,
        goals: lines(form.goals),
        workContext: form.work.trim() || null,
        challenges: lines(form.challenges),
      },
      {
        onSuccess: () => {
          toast.show(t("onboarding.saved"));
          void navigate({ to: "/chat" });
        },
      },
    );
  };

  return (
    <div className="mx-auto max-w-2xl" data-testid="onboarding-page">
      <PageHeader title={t("onboarding.title")} description={t("onboarding.description")} />
      <Card>
        <form ref={formError.ref} onSubmit={submit} className="space-y-4" aria-label={t("onboarding.form")}>
          <FormError error={formError.error} />
          <Field
            label={t("onboarding.role")}
            optional
            hint={t("onboarding.roleHint")}
            error={fieldError(save.error, "currentRole")}
          >
            <Input value={form.role} maxLength={120} onChange={set("role")} autoComplete="organization-title" />
          </Field>
          <Field
            label={t("onboarding.goals")}
            optional
            hint={t("onboarding.goalsHint")}
            error={fieldError(save.error, "currentGoals") ?? fieldError(save.error, "longTermGoals")}
          >
            <Textarea
              value={form.goals}
              rows={3}
              onChange={set("goals")}
              placeholder={t("onboarding.goalsPlaceholder")}
            />
          </Field>
          <Field
            label={t("onboarding.work")}
            optional
            hint={t("onboarding.workHint")}
            error={fieldError(save.error, "workContext")}
          >
            <Textarea value={form.work} rows={3} maxLength={5000} onChange={set("work")} />
          </Field>
          <Field
            label={t("onboarding.challenges")}
            optional
            hint={t("onboarding.challengesHint")}
            error={fieldError(save.error, "currentChallenges")}
          >
            <Textarea
              value={form.challenges}
              rows={2}
              onChange={set("challenges")}
              placeholder={t("onboarding.challengesPlaceholder")}
            />
          </Field>
          <div className="flex flex-wrap items-center justify-end gap-2 pt-2">
            <Link to="/" className={buttonClass("secondary")}>
              {t("onboarding.skip")}
            </Link>
            <Button type="submit" loading={save.isPending}>
              {t("onboarding.submit")}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
};
