import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { useRequestPasswordReset } from "../api/password-reset.ts";
import { AuthCard } from "./auth-card.tsx";
import { AuthForm, EmailField, fieldErrorsOf } from "./auth-form.tsx";

export const ForgotPasswordPage = () => {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const fields = fieldErrorsOf(request.error);

  return (
    <AuthCard
      title="Reset your password"
      description="We will email you a link to choose a new one."
      footer={
        <Link to="/sign-in" className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {request.isSuccess ? (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          If <strong>{email}</strong> has an account, a reset link is on its way. It works once, for one hour.
        </p>
      ) : (
        <AuthForm mutation={request} onSubmit={() => request.mutate(email)} submitLabel="Send reset link">
          <EmailField value={email} onChange={setEmail} error={fields.email} />
        </AuthForm>
      )}
    </AuthCard>
  );
};
