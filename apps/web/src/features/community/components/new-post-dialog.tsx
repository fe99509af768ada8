import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useCreatePost } from "../api/my-posts.ts";
import { PostFields, usePostForm } from "./post-fields.tsx";

/** "New post" from the feed: write a step of your growth and publish it to everyone (drafts live in My posts). */
export const NewPostDialog = ({ onClose }: { onClose: () => void }) => {
  const create = useCreatePost();
  const toast = useToast();
  const post = usePostForm({ title: "", content: "" }, create.error);
  const submit = () => {
    if (!post.complete()) return;
    create.mutate(
      { ...post.form, status: "published" },
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
      <PostFields post={post} rows={5} />
    </FormDialog>
  );
};
