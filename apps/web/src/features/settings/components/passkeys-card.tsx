import { useState, type FormEvent, type KeyboardEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { ListRow, ListRowText } from "../../../components/ui/list-row.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage, fieldError } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useAddPasskey, useDeletePasskey, usePasskeys, useRenamePasskey } from "../api/passkeys.ts";
import { needsSecondFactor } from "../api/two-factor.ts";
import { useSecondFactorPrompt } from "./step-up-dialog.tsx";

/** A passkey's name edited in place: Enter or Save renames it, Escape or Cancel leaves it; errors stay beside the field. */
const RenamePasskeyForm = ({
  id,
  name,
  label,
  onDone,
}: {
  id: string;
  name: string;
  label: string;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const rename = useRenamePasskey();
  const toast = useToast();
  const [value, setValue] = useState(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(
      { id, name: value.trim() },
      {
        onSuccess: (passkey) => {
          toast.show(t("passkeys.renamed", { name: passkey.name ?? value.trim() }));
          onDone();
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") onDone();
  };
  const error = fieldError(rename.error, "name");
  return (
    <form onSubmit={submit} className="flex min-w-64 flex-1 flex-wrap items-start gap-2">
      <div className="min-w-48 flex-1">
        <Input
          aria-label={t("passkeys.newName", { label })}
          aria-invalid={Boolean(error) || undefined}
          value={value}
          maxLength={60}
          autoFocus
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {error && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        )}
        <div className="mt-1">
          <FormError error={rename.error && !error ? rename.error : null} />
        </div>
      </div>
      <Button type="submit" size="sm" loading={rename.isPending}>
        {t("passkeys.save")}
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onDone}>
        {t("passkeys.cancel")}
      </Button>
    </form>
  );
};

/**
 * Passkeys: sign in with the device's screen lock instead of a password, and a second factor after
 * one. Adding and deleting one are sensitive: with two-factor on, the prompt asks for a factor first;
 * renaming one is not (the name is only a label in this list).
 */
export const PasskeysCard = () => {
  const { t } = useTranslation();
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const remove = useDeletePasskey();
  const toast = useToast();
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
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
                  <ListRow key={passkey.id} label={label}>
                    {renaming === passkey.id ? (
                      <RenamePasskeyForm
                        id={passkey.id}
                        name={passkey.name ?? ""}
                        label={label}
                        onDone={() => setRenaming(null)}
                      />
                    ) : (
                      <>
                        <ListRowText
                          name={label}
                          tags={
                            passkey.deviceType === "multiDevice" && (
                              <Badge className="ml-2">{t("passkeys.synced")}</Badge>
                            )
                          }
                          details={
                            <>
                              {t("passkeys.addedOn", { date: formatDate(passkey.createdAt) })} ·{" "}
                              {passkey.lastUsedAt
                                ? t("passkeys.lastUsed", { when: formatRelative(passkey.lastUsedAt) })
                                : t("passkeys.neverUsed")}
                            </>
                          }
                        />
                        <span className="flex gap-2">
                          <Button
                            size="sm"
                            variant="secondary"
                            aria-label={t("passkeys.renameLabel", { label })}
                            onClick={() => setRenaming(passkey.id)}
                          >
                            {t("passkeys.rename")}
                          </Button>
                          <Button
                            size="sm"
                            variant="secondary"
                            loading={remove.isPending && remove.variables === passkey.id}
                            onClick={() => deletePasskey(passkey.id, label)}
                          >
                            {t("passkeys.delete")}
                          </Button>
                        </span>
                      </>
                    )}
                  </ListRow>
                );
              })}
            </ul>
          )}
        </QueryState>
      </div>
    </Card>
  );
};
