import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useSignIn } from "../api/sign-in.ts";
import { AuthCard } from "./auth-card.tsx";

// Only same-app paths: a redirect parameter must not send someone to another site after signing in.
export const safeRedirect = (target: unknown) =>
  typeof target === "string" && target.startsWith("/") && !target.startsWith("//") ? target : "/";

export const SignInPage = () => {
  const search = useSearch({ strict: false }) as { redirect?: string };
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [form, setForm] = useState({ email: "", password: "" });
  const fields = signIn.error instanceof ApiError ? signIn.error.fields : {};
  const formError = useFormError(signIn.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(form, { onSuccess: () => void navigate({ to: safeRedirect(search.redirect) }) });
  };

  return (
    <AuthCard
      title="Sign in to Cto"
      description="Welcome back. Your coach remembers where you left off."
      footer={
        <>
          New to Cto?{" "}
          <Link to="/sign-up" className="font-medium text-brand-700 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form ref={formError.ref} onSubmit={submit} className="space-y-4" noValidate={false}>
        <FormError error={formError.error} />
        <Field label="Email" error={fields.email}>
          <Input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
          />
        </Field>
        <Field label="Password" error={fields.password}>
          <Input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
          />
        </Field>
        <div className="flex justify-end text-sm">
          <Link to="/forgot-password" className="font-medium text-brand-700 hover:underline">
            Forgot your password?
          </Link>
        </div>
        <Button type="submit" className="w-full" loading={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
};
