import type { FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import type { TPost } from "../api/keys.ts";
import { useUpdatePost } from "../api/my-posts.ts";
import { PostFields, usePostForm } from "./post-fields.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** Edits one of your posts in place: its title and text; a published post stays published. */
export const PostEditor = ({ post, close }: { post: Pick<TPost, "id" | "title" | "content">; close: () => void }) => {
  const update = useUpdatePost();
  const edited = usePostForm({ title: post.title, content: post.content }, update.error);
  const toast = useToast();
  const formError = useFormError(update.error);
  const { t } = useTranslation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!edited.complete()) return;
    update.mutate(
      { id: post.id, title: edited.form.title, content: edited.form.content },
      {
        onSuccess: () => {
          toast.show(t("community.mine.saved"));
          close();
        },
      },
    );
  };

  return (
    <form
      ref={formError.ref}
      onSubmit={submit}
      aria-label={t("community.mine.editLabel", { title: post.title })}
      className="w-full space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <FormError error={formError.error} />
      <PostFields post={edited} rows={4} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          {t("community.mine.cancel")}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t("community.mine.saveChanges")}
        </Button>
      </div>
    </form>
  );
};
