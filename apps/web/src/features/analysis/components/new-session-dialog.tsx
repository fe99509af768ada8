import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useCreateSession } from "../api/create-session.ts";
import type { TAnalysisType } from "../api/types.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** Starts a session: paste a conversation (text) or read one from a screenshot. */
export const NewSessionDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [type, setType] = useState<TAnalysisType>("text");
  const [name, setName] = useState("");
  const create = useCreateSession();
  const navigate = useNavigate();
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const { t } = useTranslation();

  const submit = () =>
    create.mutate(
      { type, name: name.trim() || null },
      {
        onSuccess: (session) => {
          onClose();
          setName("");
          void navigate({ to: "/analysis/$sessionId", params: { sessionId: session.id } });
        },
      },
    );

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t("analysis.newAnalysis")}
      description={t("analysis.new.description")}
      error={create.error}
      pending={create.isPending}
      submitLabel={t("analysis.new.start")}
      onSubmit={submit}
    >
      <div>
        <p className="mb-1.5 text-sm font-medium text-slate-800">{t("analysis.new.what")}</p>
        <Segmented
          label={t("analysis.new.type")}
          value={type}
          onChange={setType}
          options={[
            { value: "text", label: t("analysis.new.text") },
            { value: "screenshot", label: t("analysis.new.screenshot") },
          ]}
        />
      </div>
      <Field label={t("analysis.new.name")} optional error={fields.name} hint={t("analysis.new.nameHint")}>
        <Input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      </Field>
    </FormDialog>
  );
};
