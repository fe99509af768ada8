import { Link, useSearch } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useConfirmPasswordReset } from "../api/password-reset.ts";
import { AuthCard } from "./auth-card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

export const ResetPasswordPage = () => {
  const { token = "" } = useSearch({ strict: false }) as { token?: string };
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const fields = confirm.error instanceof ApiError ? confirm.error.fields : {};
  const { t } = useTranslation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) confirm.mutate({ token, password });
  };

  if (!token)
    return (
      <AuthCard title={t("auth.reset.incompleteTitle")} description={t("auth.reset.incompleteDescription")}>
        <Link to="/forgot-password" className={buttonClass("primary")}>
          {t("auth.reset.askAgain")}
        </Link>
      </AuthCard>
    );

  if (confirm.isSuccess)
    return (
      <AuthCard title={t("auth.reset.doneTitle")} description={t("auth.reset.doneDescription")}>
        <Link to="/sign-in" className={buttonClass("primary")}>
          {t("auth.signIn")}
        </Link>
      </AuthCard>
    );

  return (
    <AuthCard
      title={t("auth.reset.title")}
      footer={
        <Link to="/sign-in" className="font-medium text-brand-700 hover:underline">
          {t("auth.forgot.back")}
        </Link>
      }
    >
      <form onSubmit={submit} className="space-y-4">
        <FormError error={confirm.error && !fields.password ? confirm.error : null} />
        <Field label={t("auth.reset.newPassword")} hint={t("auth.reset.hint")} error={fields.password}>
          <Input
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <Field label={t("auth.reset.repeat")} error={mismatch ? t("auth.reset.mismatch") : undefined}>
          <Input
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </Field>
        <Button type="submit" className="w-full" loading={confirm.isPending}>
          {t("auth.reset.submit")}
        </Button>
      </form>
    </AuthCard>
  );
};
