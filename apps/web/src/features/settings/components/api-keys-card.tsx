import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { ListRow, ListRowText } from "../../../components/ui/list-row.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { errorMessage, fieldError } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "../api/api-keys.ts";
import { useSecondFactorPrompt } from "./step-up-dialog.tsx";

/** API keys for scripts and integrations: a new key is shown once, then only its prefix. */
export const ApiKeysCard = () => {
  const { t } = useTranslation();
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
      <CardHeader title={<span id="keys-title">{t("apiKeys.title")}</span>} description={t("apiKeys.description")} />
      <form ref={formError.ref} onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field label={t("apiKeys.name")} className="min-w-48 flex-1" error={fieldError(create.error, "name")}>
          <Input
            value={name}
            maxLength={100}
            required
            onChange={(event) => setName(event.target.value)}
            placeholder={t("apiKeys.placeholder")}
          />
        </Field>
        <Button type="submit" loading={create.isPending}>
          {t("apiKeys.create")}
        </Button>
      </form>
      <div className="mt-3">
        <FormError error={formError.error} />
      </div>
      {stepUp.prompt}
      {create.data && (
        <div className="mt-4 rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
          <p className="font-medium text-amber-900">{t("apiKeys.copyNow")}</p>
          <output
            aria-label={t("apiKeys.newKey")}
            className="mt-2 block select-all break-all rounded-md bg-white px-3 py-2 font-mono text-sm ring-1 ring-slate-200"
          >
            {create.data.key}
          </output>
        </div>
      )}
      <div className="mt-5">
        <QueryState
          query={keys}
          isEmpty={(page) => !page.items.length}
          empty={<EmptyState title={t("apiKeys.empty")} />}
        >
          {(page) => (
            <ul aria-label={t("apiKeys.title")} className="divide-y divide-slate-100">
              {page.items.map((key) => (
                <ListRow key={key.id} label={key.name}>
                  <ListRowText
                    name={key.name}
                    tags={
                      <>
                        {" "}
                        <code className="ml-1 text-xs text-slate-500">{key.prefix}…</code>
                      </>
                    }
                    details={
                      <>
                        {t("apiKeys.created", { date: formatDate(key.createdAt) })} ·{" "}
                        {key.lastUsedAt
                          ? t("apiKeys.lastUsed", { when: formatRelative(key.lastUsedAt) })
                          : t("apiKeys.neverUsed")}
                      </>
                    }
                  />
                  {key.revokedAt ? (
                    <Badge>{t("apiKeys.revoked")}</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={revoke.isPending && revoke.variables === key.id}
                      onClick={() =>
                        revoke.mutate(key.id, {
                          onSuccess: () => toast.show(t("apiKeys.revokedToast", { name: key.name })),
                          onError: (error) => toast.show(errorMessage(error), "error"),
                        })
                      }
                    >
                      {t("apiKeys.revoke")}
                    </Button>
                  )}
                </ListRow>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </Card>
  );
};
