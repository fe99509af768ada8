import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { useSignIn } from "../api/sign-in.ts";
import { AuthCard } from "./auth-card.tsx";
import { AuthForm, EmailField, fieldErrorsOf } from "./auth-form.tsx";

// Only same-app paths: a redirect parameter must not send someone to another site after signing in.
export const safeRedirect = (target: unknown) =>
  typeof target === "string" && target.startsWith("/") && !target.startsWith("//") ? target : "/";

export const SignInPage = () => {
  const search = useSearch({ strict: false }) as { redirect?: string };
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [form, setForm] = useState({ email: "", password: "" });
  const fields = fieldErrorsOf(signIn.error);
  const submit = () => signIn.mutate(form, { onSuccess: () => void navigate({ to: safeRedirect(search.redirect) }) });

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
      <AuthForm mutation={signIn} onSubmit={submit} submitLabel="Sign in">
        <EmailField value={form.email} onChange={(email) => setForm({ ...form, email })} error={fields.email} />
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
      </AuthForm>
    </AuthCard>
  );
};
