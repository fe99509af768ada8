import type { FormEvent, ReactNode } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The fields the API named in its refusal of `error` (400 with paths), by name. */
export const fieldErrorsOf = (error: unknown) => (error instanceof ApiError ? error.fields : {});

/** A signed-out page's form: the error on top (when no field shows it), the fields, and one wide submit button. */
export const AuthForm = ({
  mutation,
  onSubmit,
  submitLabel,
  children,
}: {
  mutation: { error: unknown; isPending: boolean };
  onSubmit: () => void;
  submitLabel: string;
  children: ReactNode;
}) => {
  const formError = useFormError(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4">
      <FormError error={formError.error} />
      {children}
      <Button type="submit" className="w-full" loading={mutation.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
};

export const EmailField = ({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) => {
  const { t } = useTranslation();
  return (
    <Field label={t("auth.email")} error={error}>
      <Input
        type="email"
        name="email"
        autoComplete="email"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
};
