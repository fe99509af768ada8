import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useUpdatePost } from "../api/my-posts.ts";
import type { TPost } from "../api/keys.ts";

/** Edits one of your posts in place: its title and text; a published post stays published. */
export const PostEditor = ({ post, close }: { post: Pick<TPost, "id" | "title" | "content">; close: () => void }) => {
  const [form, setForm] = useState({ title: post.title, content: post.content });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const update = useUpdatePost();
  const toast = useToast();
  const fields = { ...(update.error instanceof ApiError ? update.error.fields : {}), ...missing };
  const formError = useFormError(update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.title.trim()) found.title = "Give the post a title.";
    if (!form.content.trim()) found.content = "Write what happened.";
    setMissing(found);
    if (Object.keys(found).length) return;
    update.mutate(
      { id: post.id, title: form.title, content: form.content },
      {
        onSuccess: () => {
          toast.show("Post saved.");
          close();
        },
      },
    );
  };

  return (
    <form
      ref={formError.ref}
      onSubmit={submit}
      aria-label={`Edit “${post.title}”`}
      className="w-full space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <FormError error={formError.error} />
      <Field label="Title" error={fields.title}>
        <Input
          value={form.title}
          maxLength={200}
          onChange={(event) => setForm({ ...form, title: event.target.value })}
        />
      </Field>
      <Field label="What happened" error={fields.content}>
        <Textarea
          rows={4}
          value={form.content}
          maxLength={20_000}
          onChange={(event) => setForm({ ...form, content: event.target.value })}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" loading={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
};
