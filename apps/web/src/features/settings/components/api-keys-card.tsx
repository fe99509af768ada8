import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { errorMessage, fieldError } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "../api/api-keys.ts";
import { useSecondFactorPrompt } from "./step-up-dialog.tsx";

/** API keys for scripts and integrations: a new key is shown once, then only its prefix. */
export const ApiKeysCard = () => {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const toast = useToast();
  const [name, setName] = useState("");
  const formError = useFormError(create.error);
  // With two-factor on, a key is made only after a recent code: the API says so, and the prompt asks for one.
  const stepUp = useSecondFactorPrompt();
  const createKey = (value: string) =>
    create.mutate(value, {
      onSuccess: () => setName(""),
      onError: (error) => stepUp.ask(error, () => createKey(value)),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) createKey(name.trim());
  };
  return (
    <Card aria-labelledby="keys-title">
      <CardHeader
        title={<span id="keys-title">API keys</span>}
        description="Send one as `Authorization: Bearer cto_…` to use the API from your own tools."
      />
      <form ref={formError.ref} onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field label="Key name" className="min-w-48 flex-1" error={fieldError(create.error, "name")}>
          <Input
            value={name}
            maxLength={100}
            required
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Calendar sync"
          />
        </Field>
        <Button type="submit" loading={create.isPending}>
          Create key
        </Button>
      </form>
      <div className="mt-3">
        <FormError error={formError.error} />
      </div>
      {stepUp.prompt}
      {create.data && (
        <div className="mt-4 rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
          <p className="font-medium text-amber-900">Copy your new key now. It will not be shown again.</p>
          <output
            aria-label="New API key"
            className="mt-2 block select-all break-all rounded-md bg-white px-3 py-2 font-mono text-sm ring-1 ring-slate-200"
          >
            {create.data.key}
          </output>
        </div>
      )}
      <div className="mt-5">
        <QueryState query={keys} isEmpty={(page) => !page.items.length} empty={<EmptyState title="No API keys" />}>
          {(page) => (
            <ul aria-label="API keys" className="divide-y divide-slate-100">
              {page.items.map((key) => (
                <li
                  key={key.id}
                  aria-label={key.name}
                  className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm"
                >
                  <span>
                    <span className="font-medium text-slate-900">{key.name}</span>{" "}
                    <code className="ml-1 text-xs text-slate-500">{key.prefix}…</code>
                    <span className="block text-xs text-slate-500">
                      Created {formatDate(key.createdAt)} ·{" "}
                      {key.lastUsedAt ? `last used ${formatRelative(key.lastUsedAt)}` : "never used"}
                    </span>
                  </span>
                  {key.revokedAt ? (
                    <Badge>Revoked</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={revoke.isPending && revoke.variables === key.id}
                      onClick={() =>
                        revoke.mutate(key.id, {
                          onSuccess: () => toast.show(`"${key.name}" revoked.`),
                          onError: (error) => toast.show(errorMessage(error), "error"),
                        })
                      }
                    >
                      Revoke
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </Card>
  );
};
