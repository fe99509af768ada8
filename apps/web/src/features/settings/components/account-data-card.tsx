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
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { formatNumber } from "../../../lib/format.ts";

// An archive section key, for people: "energyMetrics" → "Energy metrics"; one the app has no words for
// (a section newer than this page) is spelled out from its key.
const sectionLabel = (key: string) => {
  if (i18n.exists(`accountData.sections.${key}`))
    return (i18n.t as unknown as (key: string) => string)(`accountData.sections.${key}`);
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
  const { t } = useTranslation();
  const needsCode = () => {
    const status = twoFactor.data;
    return status?.totp === "on" && !(status.stepUpUntil && status.stepUpUntil > Date.now()) && !proven.current;
  };
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">{t("accountData.exportTitle")}</h3>
      <p className="text-sm text-slate-600">{t("accountData.exportDescription")}</p>
      <Checkbox
        label={t("accountData.embeddings")}
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
          {t("accountData.download")}
        </a>
        {stepUp.prompt}
      </div>
    </div>
  );
};

const ImportSection = () => {
  const { t } = useTranslation();
  return (
    <FileImportForm
      title={t("accountData.importTitle")}
      description={t("accountData.importDescription")}
      fileLabel={t("accountData.importFile")}
      accept="application/json,.json"
      submitLabel={t("accountData.import")}
      mutation={useImportArchive()}
      outcome={(result) => {
        const imported = Object.entries(result.imported).filter(([, count]) => count > 0);
        const sections = imported
          .map(([section, count]) =>
            t("accountData.importedSection", { section: sectionLabel(section), number: formatNumber(count) }),
          )
          .join(" · ");
        return imported.length ? t("accountData.imported", { sections }) : t("accountData.importedEmpty");
      }}
    />
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
  const stepUp = useSecondFactorPrompt();
  const { t } = useTranslation();
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
      <h3 className="text-sm font-semibold text-red-800">{t("accountData.deleteTitle")}</h3>
      <p className="text-sm text-slate-600">{t("accountData.deleteDescription")}</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("accountData.deleteButton")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("accountData.deleteConfirmTitle")}
        description={t("accountData.deleteConfirmDescription")}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              {t("accountData.keep")}
            </Button>
            <Button
              variant="danger"
              type="submit"
              form="delete-account-form"
              loading={remove.isPending}
              disabled={!password}
            >
              {t("accountData.deleteEverything")}
            </Button>
          </>
        }
      >
        <form id="delete-account-form" onSubmit={submit} className="space-y-3">
          <FormError error={remove.error} />
          <Field label={t("accountData.password")}>
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
export const AccountDataCard = () => {
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="data-title">
      <CardHeader title={<span id="data-title">{t("accountData.title")}</span>} />
      <div className="space-y-6 divide-y divide-slate-100 [&>*+*]:pt-6">
        <ExportSection />
        <ImportSection />
        <AssistantImportSection />
        <DeleteSection />
      </div>
    </Card>
  );
};
