import { useNavigate } from "@tanstack/react-router";
import { useRef, useState, type FormEvent } from "react";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Checkbox, Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { EXPORT_URL, useDeleteAccount, useImportArchive } from "../api/account-data.ts";
import { useTwoFactorStatus } from "../api/two-factor.ts";
import { useSecondFactorPrompt } from "./step-up-dialog.tsx";
import { AssistantImportSection } from "./assistant-import-section.tsx";
import { FileImportForm } from "./file-import-form.tsx";

// An archive section key, for people: "energyMetrics" → "Energy metrics".
const sectionLabel = (key: string) => {
  const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const ExportSection = () => {
  const [withEmbeddings, setWithEmbeddings] = useState(false);
  // A download is a plain link, so it cannot show the API's 403 second_factor_required: with two-factor on
  // and no recent code on this session, the code is asked for first, then the link is followed.
  const twoFactor = useTwoFactorStatus();
  const stepUp = useSecondFactorPrompt();
  const link = useRef<HTMLAnchorElement>(null);
  const proven = useRef(false);
  const needsCode = () => {
    const status = twoFactor.data;
    return status?.totp === "on" && !(status.stepUpUntil && status.stepUpUntil > Date.now()) && !proven.current;
  };
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
        <a
          ref={link}
          className={buttonClass("secondary")}
          href={`${EXPORT_URL}?embeddings=${withEmbeddings}`}
          download
          onClick={(event) => {
            if (!needsCode()) return;
            event.preventDefault();
            stepUp.open(() => {
              proven.current = true;
              link.current?.click();
            });
          }}
        >
          Download export
        </a>
        {stepUp.prompt}
      </div>
    </div>
  );
};

const ImportSection = () => (
  <FileImportForm
    title="Import an export"
    description="Moves a Cto export into this account. The account must still be empty, so nothing here is overwritten."
    fileLabel="Export file"
    accept="application/json,.json"
    submitLabel="Import"
    mutation={useImportArchive()}
    outcome={(result) => {
      const imported = Object.entries(result.imported).filter(([, count]) => count > 0);
      return imported.length
        ? `Imported. ${imported.map(([section, count]) => `${sectionLabel(section)}: ${count}`).join(" · ")}`
        : "Imported an empty archive: there was nothing to add.";
    }}
  />
);

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
  const stepUp = useSecondFactorPrompt();
  const deleteAccount = () =>
    remove.mutate(password, {
      onSuccess: () => void navigate({ to: "/sign-in" }),
      onError: (error) => stepUp.ask(error, deleteAccount),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    deleteAccount();
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
      {stepUp.prompt}
    </div>
  );
};

/** 004's data rights: export, import into an empty account, import from another assistant, and deletion. */
export const AccountDataCard = () => (
  <Card aria-labelledby="data-title">
    <CardHeader title={<span id="data-title">Your data</span>} />
    <div className="space-y-6 divide-y divide-slate-100 [&>*+*]:pt-6">
      <ExportSection />
      <ImportSection />
      <AssistantImportSection />
      <DeleteSection />
    </div>
  </Card>
);
