import { Link, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useSignUp } from "../api/sign-up.ts";
import { AuthCard } from "./auth-card.tsx";

export const SignUpPage = () => {
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const fields = signUp.error instanceof ApiError ? signUp.error.fields : {};
  const formError = useFormError(signUp.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
      <form ref={formError.ref} onSubmit={submit} className="space-y-4">
        <FormError error={formError.error} />
        <Field label="Name" optional error={fields.name}>
          <Input
            name="name"
            autoComplete="name"
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
        </Field>
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
        <Button type="submit" className="w-full" loading={signUp.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
};
