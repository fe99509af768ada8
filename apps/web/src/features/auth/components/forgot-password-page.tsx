import { Link } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useRequestPasswordReset } from "../api/password-reset.ts";
import { AuthCard } from "./auth-card.tsx";

export const ForgotPasswordPage = () => {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const fields = request.error instanceof ApiError ? request.error.fields : {};
  const formError = useFormError(request.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };

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
        <form ref={formError.ref} onSubmit={submit} className="space-y-4">
          <FormError error={formError.error} />
          <Field label="Email" error={fields.email}>
            <Input
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </Field>
          <Button type="submit" className="w-full" loading={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
};
