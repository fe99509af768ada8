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
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useAddPasskey, useDeletePasskey, usePasskeys } from "../api/passkeys.ts";
import { needsSecondFactor } from "../api/two-factor.ts";
import { useSecondFactorPrompt } from "./step-up-dialog.tsx";

/**
 * Passkeys: sign in with the device's screen lock instead of a password, and a second factor after
 * one. Adding and deleting one are sensitive: with two-factor on, the prompt asks for a factor first.
 */
export const PasskeysCard = () => {
  const { t } = useTranslation();
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
        toast.show(t("passkeys.added"));
      },
      onError: (error) => stepUp.ask(error, addPasskey),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    addPasskey();
  };
  const deletePasskey = (id: string, label: string) =>
    remove.mutate(id, {
      onSuccess: () => toast.show(t("passkeys.deleted", { label })),
      onError: (error) => {
        stepUp.ask(error, () => deletePasskey(id, label));
        if (!needsSecondFactor(error)) toast.show(errorMessage(error), "error");
      },
    });
  return (
    <Card aria-labelledby="passkeys-title">
      <CardHeader
        title={<span id="passkeys-title">{t("passkeys.title")}</span>}
        description={t("passkeys.description")}
      />
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field label={t("passkeys.name")} className="min-w-48 flex-1" error={fieldError(add.error, "name")}>
          <Input
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.target.value)}
            placeholder={t("passkeys.placeholder")}
          />
        </Field>
        <Button type="submit" loading={add.isPending}>
          {t("passkeys.add")}
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
          empty={<EmptyState title={t("passkeys.empty")} />}
        >
          {(page) => (
            <ul aria-label={t("passkeys.title")} className="divide-y divide-slate-100">
              {page.items.map((passkey, index) => {
                const label = passkey.name ?? t("passkeys.numbered", { number: index + 1 });
                return (
                  <li
                    key={passkey.id}
                    aria-label={label}
                    className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm"
                  >
                    <span>
                      <span className="font-medium text-slate-900">{label}</span>
                      {passkey.deviceType === "multiDevice" && <Badge className="ml-2">{t("passkeys.synced")}</Badge>}
                      <span className="block text-xs text-slate-500">
                        {t("passkeys.addedOn", { date: formatDate(passkey.createdAt) })} ·{" "}
                        {passkey.lastUsedAt
                          ? t("passkeys.lastUsed", { when: formatRelative(passkey.lastUsedAt) })
                          : t("passkeys.neverUsed")}
                      </span>
                    </span>
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={remove.isPending && remove.variables === passkey.id}
                      onClick={() => deletePasskey(passkey.id, label)}
                    >
                      {t("passkeys.delete")}
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
