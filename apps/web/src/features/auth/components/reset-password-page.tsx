import { Link, useSearch } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useConfirmPasswordReset } from "../api/password-reset.ts";
import { AuthCard } from "./auth-card.tsx";

export const ResetPasswordPage = () => {
  const { token = "" } = useSearch({ strict: false }) as { token?: string };
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const fields = confirm.error instanceof ApiError ? confirm.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) confirm.mutate({ token, password });
  };

  if (!token)
    return (
      <AuthCard title="This link is incomplete" description="Open the link from the email again, or ask for a new one.">
        <Link to="/forgot-password" className={buttonClass("primary")}>
          Ask for a new link
        </Link>
      </AuthCard>
    );

  if (confirm.isSuccess)
    return (
      <AuthCard
        title="Your password is changed"
        description="For your safety every device was signed out. Sign in with the new password."
      >
        <Link to="/sign-in" className={buttonClass("primary")}>
          Sign in
        </Link>
      </AuthCard>
    );

  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link to="/sign-in" className="font-medium text-brand-700 hover:underline">
          Back to sign in
        </Link>
      }
    >
      <form onSubmit={submit} className="space-y-4">
        <FormError error={confirm.error && !fields.password ? confirm.error : null} />
        <Field label="New password" hint="At least 10 characters." error={fields.password}>
          <Input
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <Field label="Repeat the new password" error={mismatch ? "The two passwords are not the same." : undefined}>
          <Input
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </Field>
        <Button type="submit" className="w-full" loading={confirm.isPending}>
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
};
