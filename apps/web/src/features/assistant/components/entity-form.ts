import { useState } from "react";

import { fieldErrors } from "./parts.tsx";

type TSave<TVariables> = {
  mutate: (variables: TVariables, options: { onSuccess: () => void }) => void;
  error: unknown;
  isPending: boolean;
};

/**
 * The add and edit forms' shared state: the fields as text, the API's field errors, and `save`, which
 * creates the entity, or updates `saved` when there is one, and closes the form once it succeeded.
 */
export const useEntityForm = <TForm extends Record<string, string>, TBody>({
  saved,
  create,
  update,
  initial,
  close,
}: {
  saved: { id: string } | undefined;
  create: TSave<TBody>;
  update: TSave<TBody & { id: string }>;
  initial: TForm;
  close: () => void;
}) => {
  const mutation = saved ? update : create;
  const [form, setForm] = useState(initial);
  const set = (key: keyof TForm) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const save = (body: TBody) => {
    if (saved) update.mutate({ id: saved.id, ...body }, { onSuccess: close });
    else create.mutate(body, { onSuccess: close });
  };
  // What AddForm needs besides its label and onSubmit.
  const frame = { error: mutation.error, pending: mutation.isPending, onCancel: close };
  return { form, set, save, errors: fieldErrors(mutation.error), frame };
};
