import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { useSignUp } from "../api/sign-up.ts";
import { AuthCard } from "./auth-card.tsx";
import { AuthForm, EmailField, fieldErrorsOf } from "./auth-form.tsx";
import { ProviderButtons } from "./provider-buttons.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

export const SignUpPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const fields = fieldErrorsOf(signUp.error);

  const submit = () => {
    const name = form.name.trim();
    signUp.mutate(
      { email: form.email, password: form.password, ...(name ? { name } : {}) },
      { onSuccess: () => void navigate({ to: "/welcome" }) },
    );
  };

  return (
    <AuthCard
      title={t("auth.signUp.title")}
      description={t("auth.signUp.description")}
      footer={
        <>
          {t("auth.signUp.haveAccount")}{" "}
          <Link to="/sign-in" className="font-medium text-brand-700 hover:underline">
            {t("auth.signIn")}
          </Link>
        </>
      }
    >
      <ProviderButtons />
      <AuthForm mutation={signUp} onSubmit={submit} submitLabel={t("auth.signUp.submit")}>
        <Field label={t("auth.signUp.name")} optional error={fields.name}>
          <Input
            name="name"
            autoComplete="name"
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
        </Field>
        <EmailField value={form.email} onChange={(email) => setForm({ ...form, email })} error={fields.email} />
        <Field label={t("auth.password")} hint={t("auth.signUp.passwordHint")} error={fields.password}>
          <Input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
          />
        </Field>
      </AuthForm>
    </AuthCard>
  );
};
