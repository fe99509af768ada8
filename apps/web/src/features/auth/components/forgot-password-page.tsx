import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { useRequestPasswordReset } from "../api/password-reset.ts";
import { AuthCard } from "./auth-card.tsx";
import { AuthForm, EmailField, fieldErrorsOf } from "./auth-form.tsx";
import { Trans, useTranslation } from "../../../lib/i18n/index.ts";

export const ForgotPasswordPage = () => {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const fields = fieldErrorsOf(request.error);
  const { t } = useTranslation();

  return (
    <AuthCard
      title={t("auth.forgot.title")}
      description={t("auth.forgot.description")}
      footer={
        <Link to="/sign-in" className="font-medium text-brand-700 hover:underline">
          {t("auth.forgot.back")}
        </Link>
      }
    >
      {request.isSuccess ? (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          <Trans i18nKey="auth.forgot.sent" values={{ email }} components={{ b: <strong /> }} />
        </p>
      ) : (
        <AuthForm mutation={request} onSubmit={() => request.mutate(email)} submitLabel={t("auth.forgot.submit")}>
          <EmailField value={email} onChange={setEmail} error={fields.email} />
        </AuthForm>
      )}
    </AuthCard>
  );
};
