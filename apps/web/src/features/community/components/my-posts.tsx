import { useEffect, useRef, useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Textarea } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { ApiError, errorMessage } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import {
  useCreatePost,
  useDeletePost,
  useMyPost,
  useMyPosts,
  usePublishPost,
  type TMyPost,
  type TPostStatus,
} from "../api/my-posts.ts";
import { PostEditor } from "./post-editor.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

const Composer = () => {
  const [form, setForm] = useState({ title: "", content: "" });
  const create = useCreatePost();
  const toast = useToast();
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const formError = useFormError(create.error);
  const { t } = useTranslation();
  const save = (status: TPostStatus) => (event?: FormEvent) => {
    event?.preventDefault();
    create.mutate(
      { ...form, status },
      {
        onSuccess: () => {
          setForm({ title: "", content: "" });
          toast.show(t(status === "published" ? "community.compose.published" : "community.compose.drafted"));
        },
      },
    );
  };
  return (
    <Card aria-labelledby="compose-title">
      <CardHeader
        title={<span id="compose-title">{t("community.compose.title")}</span>}
        description={t("community.compose.description")}
      />
      <form ref={formError.ref} onSubmit={save("published")} className="space-y-3">
        <FormError error={formError.error} />
        <Field label={t("community.fields.title")} error={fields.title}>
          <Input
            value={form.title}
            maxLength={200}
            required
            onChange={(event) => setForm({ ...form, title: event.target.value })}
          />
        </Field>
        <Field label={t("community.fields.content")} error={fields.content}>
          <Textarea
            rows={4}
            value={form.content}
            maxLength={20_000}
            required
            onChange={(event) => setForm({ ...form, content: event.target.value })}
          />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            variant="secondary"
            disabled={create.isPending || !form.title.trim() || !form.content.trim()}
            onClick={() => save("draft")()}
          >
            {t("community.compose.saveDraft")}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!form.title.trim() || !form.content.trim()}>
            {t("community.compose.publish")}
          </Button>
        </div>
      </form>
    </Card>
  );
};

const PostRow = ({ post }: { post: TMyPost }) => {
  const publish = usePublishPost();
  const remove = useDeletePost();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const fail = (error: unknown) => toast.show(errorMessage(error), "error");
  const { t } = useTranslation();
  if (editing) return <PostEditor post={post} close={() => setEditing(false)} />;
  return (
    <>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">{post.title}</p>
        <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{post.content}</p>
        <p className="mt-1 flex items-center gap-2 text-xs text-slate-500">
          <Badge tone={post.status === "published" ? "success" : "neutral"}>
            {t(post.status === "published" ? "community.mine.published" : "community.mine.draft")}
          </Badge>
          {t("community.mine.changed", { when: formatRelative(post.updatedAt) })}
        </p>
      </div>
      <div className="flex gap-2">
        {post.status === "draft" && (
          <Button
            size="sm"
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(post.id, { onSuccess: () => toast.show(t("community.compose.published")), onError: fail })
            }
          >
            {t("community.compose.publish")}
          </Button>
        )}
        <Button
          size="sm"
          variant="secondary"
          aria-label={t("community.mine.editLabel", { title: post.title })}
          onClick={() => setEditing(true)}
        >
          {t("community.mine.edit")}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("community.mine.deleteLabel", { title: post.title })}
          loading={remove.isPending}
          onClick={() =>
            window.confirm(t("community.mine.confirmDelete", { title: post.title })) &&
            remove.mutate(post.id, { onSuccess: () => toast.show(t("community.mine.deleted")), onError: fail })
          }
        >
          {t("community.mine.delete")}
        </Button>
      </div>
    </>
  );
};

const PostList = ({ status }: { status: TPostStatus }) => {
  const posts = useMyPosts(status);
  const { t } = useTranslation();
  if (posts.isPending) return <LoadingBlock label={t("community.mine.loading")} />;
  if (posts.isError) return <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />;
  const items = posts.data.pages.flatMap((page) => page.items);
  if (!items.length)
    return (
      <EmptyState
        title={t(status === "draft" ? "community.mine.noDrafts" : "community.mine.noPublished")}
        description={t(
          status === "draft" ? "community.mine.noDraftsDescription" : "community.mine.noPublishedDescription",
        )}
      />
    );
  return (
    <>
      <ul
        className="divide-y divide-slate-100"
        aria-label={t(status === "draft" ? "community.mine.draftsList" : "community.mine.publishedList")}
      >
        {items.map((post) => (
          <li key={post.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <PostRow post={post} />
          </li>
        ))}
      </ul>
      <LoadMore query={posts} label={t("community.mine.loadMore")} />
    </>
  );
};

/** One post opened by a link (a search result): shown first, in view, with the list of its kind below. */
const OpenedPost = ({ post }: { post: TMyPost }) => {
  const ref = useRef<HTMLElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    // Braces on purpose: newer browsers return a Promise from scrollIntoView, and an effect must return nothing.
    ref.current?.scrollIntoView({ block: "center" });
  }, [post.id]);
  return (
    <section
      ref={ref}
      aria-label={t("community.mine.opened")}
      className="mb-4 flex flex-wrap items-start justify-between gap-3 rounded-lg bg-brand-50 p-3 ring-1 ring-brand-200"
    >
      <PostRow post={post} />
    </section>
  );
};

/** Your posts; `linked` is one to open at once (its list, drafts or published, is chosen with it). */
export const MyPosts = ({ linked }: { linked?: string | undefined }) => {
  const opened = useMyPost(linked);
  const [chosen, setChosen] = useState<TPostStatus | null>(null);
  const status = chosen ?? opened.data?.status ?? "draft";
  const { t } = useTranslation();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Composer />
      <Card>
        <CardHeader
          title={t("community.mine.title")}
          actions={
            <Segmented
              label={t("community.mine.which")}
              value={status}
              onChange={setChosen}
              options={[
                { value: "draft", label: t("community.mine.drafts") },
                { value: "published", label: t("community.mine.published") },
              ]}
            />
          }
        />
        {opened.data && <OpenedPost post={opened.data} />}
        {opened.isError && (
          <p className="mb-4 text-sm text-slate-600">
            {t("community.mine.openFailed", { reason: errorMessage(opened.error) })}
          </p>
        )}
        <PostList key={status} status={status} />
      </Card>
    </div>
  );
};
