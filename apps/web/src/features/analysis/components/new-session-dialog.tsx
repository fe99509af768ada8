import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useCreateSession } from "../api/create-session.ts";
import type { TAnalysisType } from "../api/types.ts";

/** Starts a session: paste a conversation (text) or read one from a screenshot. */
export const NewSessionDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [type, setType] = useState<TAnalysisType>("text");
  const [name, setName] = useState("");
  const create = useCreateSession();
  const navigate = useNavigate();
  const fields = create.error instanceof ApiError ? create.error.fields : {};

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
      title="New analysis"
      description="Get suggestions for how to answer a conversation."
      error={create.error}
      pending={create.isPending}
      submitLabel="Start"
      onSubmit={submit}
    >
      <div>
        <p className="mb-1.5 text-sm font-medium text-slate-800">What do you have?</p>
        <Segmented
          label="Session type"
          value={type}
          onChange={setType}
          options={[
            { value: "text", label: "Text to paste" },
            { value: "screenshot", label: "A screenshot" },
          ]}
        />
      </div>
      <Field label="Name" optional error={fields.name} hint="For example: Reply to Alex about the offer">
        <Input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      </Field>
    </FormDialog>
  );
};
