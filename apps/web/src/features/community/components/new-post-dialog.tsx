import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useCreatePost } from "../api/my-posts.ts";
import { PostFields, usePostForm } from "./post-fields.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** "New post" from the feed: write a step of your growth and publish it to everyone (drafts live in My posts). */
export const NewPostDialog = ({ onClose }: { onClose: () => void }) => {
  const create = useCreatePost();
  const toast = useToast();
  const post = usePostForm({ title: "", content: "" }, create.error);
  const { t } = useTranslation();
  const submit = () => {
    if (!post.complete()) return;
    create.mutate(
      { ...post.form, status: "published" },
      {
        onSuccess: () => {
          toast.show(t("community.compose.published"));
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t("community.newPost")}
      description={t("community.compose.newDescription")}
      error={create.error}
      pending={create.isPending}
      submitLabel={t("community.compose.publish")}
      onSubmit={submit}
    >
      <PostFields post={post} rows={5} />
    </FormDialog>
  );
};
