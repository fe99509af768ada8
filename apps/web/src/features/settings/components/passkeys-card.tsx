import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage, fieldError } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { useAddPasskey, useDeletePasskey, usePasskeys } from "../api/passkeys.ts";
import { needsSecondFactor } from "../api/two-factor.ts";
import { useSecondFactorPrompt } from "./step-up-dialog.tsx";

/**
 * Passkeys: sign in with the device's screen lock instead of a password, and a second factor after
 * one. Adding and deleting one are sensitive: with two-factor on, the prompt asks for a factor first.
 */
export const PasskeysCard = () => {
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const remove = useDeletePasskey();
  const toast = useToast();
  const [name, setName] = useState("");
  const stepUp = useSecondFactorPrompt();
  const addPasskey = () =>
    add.mutate(name.trim() || undefined, {
      onSuccess: () => {
        setName("");
        toast.show("Passkey added.");
      },
      onError: (error) => stepUp.ask(error, addPasskey),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    addPasskey();
  };
  const deletePasskey = (id: string, label: string) =>
    remove.mutate(id, {
      onSuccess: () => toast.show(`${label} deleted.`),
      onError: (error) => {
        stepUp.ask(error, () => deletePasskey(id, label));
        if (!needsSecondFactor(error)) toast.show(errorMessage(error), "error");
      },
    });
  return (
    <Card aria-labelledby="passkeys-title">
      <CardHeader
        title={<span id="passkeys-title">Passkeys</span>}
        description="Sign in with your fingerprint, face or screen lock instead of a password. With a passkey, signing in with a password asks for it too."
      />
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field label="Passkey name (optional)" className="min-w-48 flex-1" error={fieldError(add.error, "name")}>
          <Input
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Work laptop"
          />
        </Field>
        <Button type="submit" loading={add.isPending}>
          Add a passkey
        </Button>
      </form>
      <div className="mt-3">
        <FormError error={add.error && !fieldError(add.error, "name") ? add.error : null} />
      </div>
      {stepUp.prompt}
      <div className="mt-5">
        <QueryState
          query={passkeys}
          isEmpty={(page) => !page.items.length}
          empty={<EmptyState title="No passkeys yet" />}
        >
          {(page) => (
            <ul aria-label="Passkeys" className="divide-y divide-slate-100">
              {page.items.map((passkey, index) => {
                const label = passkey.name ?? `Passkey ${index + 1}`;
                return (
                  <li
                    key={passkey.id}
                    aria-label={label}
                    className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm"
                  >
                    <span>
                      <span className="font-medium text-slate-900">{label}</span>
                      {passkey.deviceType === "multiDevice" && <Badge className="ml-2">Synced</Badge>}
                      <span className="block text-xs text-slate-500">
                        Added {formatDate(passkey.createdAt)} ·{" "}
                        {passkey.lastUsedAt ? `last used ${formatRelative(passkey.lastUsedAt)}` : "never used"}
                      </span>
                    </span>
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={remove.isPending && remove.variables === passkey.id}
                      onClick={() => deletePasskey(passkey.id, label)}
                    >
                      Delete
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </QueryState>
      </div>
    </Card>
  );
};
