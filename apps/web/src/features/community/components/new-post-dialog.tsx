import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useCreatePost } from "../api/my-posts.ts";

/** "New post" from the feed: write a step of your growth and publish it to everyone (drafts live in My posts). */
export const NewPostDialog = ({ onClose }: { onClose: () => void }) => {
  const create = useCreatePost();
  const toast = useToast();
  const [form, setForm] = useState({ title: "", content: "" });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = { ...(create.error instanceof ApiError ? create.error.fields : {}), ...missing };
  const submit = () => {
    const found: Record<string, string> = {};
    if (!form.title.trim()) found.title = "Give the post a title.";
    if (!form.content.trim()) found.content = "Write what happened.";
    setMissing(found);
    if (Object.keys(found).length) return;
    create.mutate(
      { ...form, status: "published" },
      {
        onSuccess: () => {
          toast.show("Published to the feed.");
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      title="New post"
      description="What did you try, learn or get done? It appears in everyone's feed."
      error={create.error}
      pending={create.isPending}
      submitLabel="Publish"
      onSubmit={submit}
    >
      <Field label="Title" error={fields.title}>
        <Input
          value={form.title}
          maxLength={200}
          onChange={(event) => setForm({ ...form, title: event.target.value })}
        />
      </Field>
      <Field label="What happened" error={fields.content}>
        <Textarea
          rows={5}
          value={form.content}
          maxLength={20_000}
          onChange={(event) => setForm({ ...form, content: event.target.value })}
        />
      </Field>
    </FormDialog>
  );
};
