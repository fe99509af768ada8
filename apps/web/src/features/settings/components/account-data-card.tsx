import { useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Checkbox, Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { EXPORT_URL, useDeleteAccount, useImportArchive } from "../api/account-data.ts";

// An archive section key, for people: "energyMetrics" → "Energy metrics".
const sectionLabel = (key: string) => {
  const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const ExportSection = () => {
  const [withEmbeddings, setWithEmbeddings] = useState(false);
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">Download your data</h3>
      <p className="text-sm text-slate-600">
        One JSON file with everything Cto holds about you: conversations, goals, check-ins, reports, analysis sessions,
        posts and your assistant context. Passwords and tokens are never included.
      </p>
      <Checkbox
        label="Include embedding vectors (a much larger file)"
        checked={withEmbeddings}
        onChange={(event) => setWithEmbeddings(event.target.checked)}
      />
      <div>
        <a className={buttonClass("secondary")} href={`${EXPORT_URL}?embeddings=${withEmbeddings}`} download>
          Download export
        </a>
      </div>
    </div>
  );
};

const ImportSection = () => {
  const importArchive = useImportArchive();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after a successful import.
  const [inputKey, setInputKey] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    importArchive.mutate(file, {
      onSuccess: () => {
        setFile(null);
        setInputKey(inputKey + 1);
      },
    });
  };
  const imported = importArchive.data
    ? Object.entries(importArchive.data.imported).filter(([, count]) => count > 0)
    : [];
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Import an export">
      <h3 className="text-sm font-semibold text-slate-900">Import an export</h3>
      <p className="text-sm text-slate-600">
        Moves a Cto export into this account. The account must still be empty, so nothing here is overwritten.
      </p>
      <FormError error={importArchive.error} />
      {importArchive.data && (
        <div role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          {imported.length
            ? `Imported. ${imported.map(([section, count]) => `${sectionLabel(section)}: ${count}`).join(" · ")}`
            : "Imported an empty archive: there was nothing to add."}
        </div>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Export file" className="min-w-56 flex-1">
          <Input
            key={inputKey}
            type="file"
            accept="application/json,.json"
            className="h-auto py-1.5"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={!file} loading={importArchive.isPending}>
          Import
        </Button>
      </div>
    </form>
  );
};

const DeleteSection = () => {
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const close = () => {
    setOpen(false);
    setPassword("");
    remove.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate(password, { onSuccess: () => void navigate({ to: "/sign-in" }) });
  };
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-red-800">Delete your account</h3>
      <p className="text-sm text-slate-600">
        Deletes the account and everything in it, including uploaded screenshots. This cannot be undone; download an
        export first if you may want it back.
      </p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete account…
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Delete your account?"
        description="Everything in it is deleted at once and for good. Enter your password to confirm."
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Keep my account
            </Button>
            <Button
              variant="danger"
              type="submit"
              form="delete-account-form"
              loading={remove.isPending}
              disabled={!password}
            >
              Delete everything
            </Button>
          </>
        }
      >
        <form id="delete-account-form" onSubmit={submit} className="space-y-3">
          <FormError error={remove.error} />
          <Field label="Password">
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
        </form>
      </Dialog>
    </div>
  );
};

/** 004's data rights: export, import into an empty account, and deletion. */
export const AccountDataCard = () => (
  <Card aria-labelledby="data-title">
    <CardHeader title={<span id="data-title">Your data</span>} />
    <div className="space-y-6 divide-y divide-slate-100 [&>*+*]:pt-6">
      <ExportSection />
      <ImportSection />
      <DeleteSection />
    </div>
  </Card>
);
