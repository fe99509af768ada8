import type { UseMutationResult } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";

/**
 * A file picked and sent by one mutation, with what it brought shown once it is done: the Cto archive
 * import and the ChatGPT or Claude import share it.
 */
export const FileImportForm = <TResult,>({
  title,
  description,
  fileLabel,
  accept,
  submitLabel,
  mutation,
  outcome,
}: {
  title: string;
  description: ReactNode;
  fileLabel: string;
  accept: string;
  submitLabel: string;
  mutation: UseMutationResult<TResult, Error, File>;
  /** What a finished import says. */
  outcome: (result: TResult) => ReactNode;
}) => {
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after a successful import.
  const [inputKey, setInputKey] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    mutation.mutate(file, {
      onSuccess: () => {
        setFile(null);
        setInputKey(inputKey + 1);
      },
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={title}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="text-sm text-slate-600">{description}</p>
      <FormError error={mutation.error} />
      {mutation.data && (
        <div role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          {outcome(mutation.data)}
        </div>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Field label={fileLabel} className="min-w-56 flex-1">
          <Input
            key={inputKey}
            type="file"
            accept={accept}
            className="h-auto py-1.5"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={!file} loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
};
