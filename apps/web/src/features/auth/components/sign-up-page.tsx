import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { useSignUp } from "../api/sign-up.ts";
import { AuthCard } from "./auth-card.tsx";
import { AuthForm, EmailField, fieldErrorsOf } from "./auth-form.tsx";
import { ProviderButtons } from "./provider-buttons.tsx";

export const SignUpPage = () => {
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
      title="Create your account"
      description="A coach that remembers your goals, your progress and what matters to you."
      footer={
        <>
          Already have an account?{" "}
          <Link to="/sign-in" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <ProviderButtons />
      <AuthForm mutation={signUp} onSubmit={submit} submitLabel="Create account">
        <Field label="Name" optional error={fields.name}>
          <Input
            name="name"
            autoComplete="name"
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
        </Field>
        <EmailField value={form.email} onChange={(email) => setForm({ ...form, email })} error={fields.email} />
        <Field
          label="Password"
          hint="At least 10 characters. A few words together make a strong one."
          error={fields.password}
        >
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
