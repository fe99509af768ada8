import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

type TPostForm = { title: string; content: string };

/** A post's title and text being written, with the API's field errors and the blank ones marked before sending. */
export const usePostForm = (initial: TPostForm, error: unknown) => {
  const [form, setForm] = useState(initial);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = { ...(error instanceof ApiError ? error.fields : {}), ...missing };
  /** Marks a blank title or text; true when the post can be sent. */
  const complete = () => {
    const found: Record<string, string> = {};
    if (!form.title.trim()) found.title = i18n.t("community.fields.titleMissing");
    if (!form.content.trim()) found.content = i18n.t("community.fields.contentMissing");
    setMissing(found);
    return Object.keys(found).length === 0;
  };
  return { form, setForm, fields, complete };
};

/** The title and "What happened" fields of a post. */
export const PostFields = ({
  post: { form, setForm, fields },
  rows,
}: {
  post: ReturnType<typeof usePostForm>;
  rows: number;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("community.fields.title")} error={fields.title}>
        <Input
          value={form.title}
          maxLength={200}
          onChange={(event) => setForm({ ...form, title: event.target.value })}
        />
      </Field>
      <Field label={t("community.fields.content")} error={fields.content}>
        <Textarea
          rows={rows}
          value={form.content}
          maxLength={20_000}
          onChange={(event) => setForm({ ...form, content: event.target.value })}
        />
      </Field>
    </>
  );
};
