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
          toast.show("Saved. Your coach knows this now.");
          void navigate({ to: "/chat" });
        },
      },
    );
  };

  return (
    <div className="mx-auto max-w-2xl" data-testid="onboarding-page">
      <PageHeader
        title="Welcome to Cto"
        description="Tell your coach a little about yourself, so its first answers already fit you. A minute is enough, every field is optional, and you can change it all in Settings."
      />
      <Card>
        <form ref={formError.ref} onSubmit={submit} className="space-y-4" aria-label="Tell your coach about you">
          <FormError error={formError.error} />
          <Field
            label="Your role"
            optional
            hint="e.g. Engineering manager, product designer, founder"
            error={fieldError(save.error, "currentRole")}
          >
            <Input value={form.role} maxLength={120} onChange={set("role")} autoComplete="organization-title" />
          </Field>
          <Field
            label="What you want to work on"
            optional
            hint="Your goals, one a line"
            error={fieldError(save.error, "currentGoals") ?? fieldError(save.error, "longTermGoals")}
          >
            <Textarea
              value={form.goals}
              rows={3}
              onChange={set("goals")}
              placeholder={"Delegate more\nGet promoted to senior"}
            />
          </Field>
          <Field
            label="About your work"
            optional
            hint="Your team, your company, what a usual week looks like"
            error={fieldError(save.error, "workContext")}
          >
            <Textarea value={form.work} rows={3} maxLength={5000} onChange={set("work")} />
          </Field>
          <Field
            label="What is hard right now"
            optional
            hint="One a line"
            error={fieldError(save.error, "currentChallenges")}
          >
            <Textarea value={form.challenges} rows={2} onChange={set("challenges")} placeholder="Too many meetings" />
          </Field>
          <div className="flex flex-wrap items-center justify-end gap-2 pt-2">
            <Link to="/" className={buttonClass("secondary")}>
              Skip for now
            </Link>
            <Button type="submit" loading={save.isPending}>
              Save and talk to your coach
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
};
