import { useId, useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Textarea } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState, FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { formatNumber, formatRelative } from "../../../lib/format.ts";
import type { TFeedPost } from "../api/keys.ts";
import { useLikePost } from "../api/like-post.ts";
import { useCreateReply, useReplies } from "../api/replies.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

const Replies = ({ postId }: { postId: string }) => {
  const replies = useReplies(postId);
  const create = useCreateReply();
  const [content, setContent] = useState("");
  const fieldId = useId();
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (content.trim()) create.mutate({ postId, content }, { onSuccess: () => setContent("") });
  };
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {replies.isPending ? (
        <LoadingBlock lines={2} label={t("community.post.loadingReplies")} />
      ) : replies.isError ? (
        <ErrorState error={replies.error} onRetry={() => void replies.refetch()} />
      ) : replies.data.pages[0]?.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("community.post.noReplies")}</p>
      ) : (
        <>
          <ul className="space-y-2" aria-label={t("community.post.repliesList")}>
            {replies.data.pages
              .flatMap((page) => page.items)
              .map((reply) => (
                <li key={reply.id} className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
                  <p className="font-medium text-slate-900">
                    {reply.author.name ?? t("community.post.someone")}{" "}
                    <span className="font-normal text-slate-500">· {formatRelative(reply.createdAt)}</span>
                  </p>
                  <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{reply.content}</p>
                </li>
              ))}
          </ul>
          <LoadMore query={replies} label={t("community.post.moreReplies")} />
        </>
      )}
      <form onSubmit={submit} className="space-y-2">
        <FormError error={create.error} />
        <label htmlFor={fieldId} className="sr-only">
          {t("community.post.yourReply")}
        </label>
        <Textarea
          id={fieldId}
          rows={2}
          placeholder={t("community.post.replyPlaceholder")}
          maxLength={20_000}
          value={content}
          onChange={(event) => setContent(event.target.value)}
        />
        <div className="flex justify-end">
          <Button type="submit" size="sm" loading={create.isPending} disabled={!content.trim()}>
            {t("community.post.reply")}
          </Button>
        </div>
      </form>
    </div>
  );
};

/** One growth-diary post in the feed: like it, read and write replies. */
export const FeedPost = ({ post }: { post: TFeedPost }) => {
  const like = useLikePost();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const { t } = useTranslation();
  return (
    <article aria-labelledby={titleId} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-xs text-slate-500">
        {post.author.name ?? t("community.post.someone")} ·{" "}
        <span title={t("community.post.scoreHint")}>
          {t("community.post.points", { points: formatNumber(post.author.achievementScore) })}
        </span>{" "}
        · {formatRelative(post.publishedAt ?? post.createdAt)}
      </p>
      <h3 id={titleId} className="mt-1 text-base font-semibold text-slate-900">
        {post.title}
      </h3>
      <p className="mt-2 whitespace-pre-wrap text-sm leading-relaxed text-slate-700">{post.content}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={post.likedByMe}
          disabled={like.isPending}
          onClick={() =>
            like.mutate(
              { id: post.id, like: !post.likedByMe },
              { onError: (error) => toast.show(errorMessage(error), "error") },
            )
          }
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
            post.likedByMe
              ? "bg-brand-50 text-brand-700 ring-brand-500/40"
              : "text-slate-700 ring-slate-300 hover:bg-slate-50",
          )}
        >
          {t(post.likedByMe ? "community.post.liked" : "community.post.like")} · {formatNumber(post.likeCount)}
        </button>
        <Button variant="ghost" size="sm" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {t("community.post.replies", { count: post.replyCount })}
        </Button>
      </div>
      {open && <Replies postId={post.id} />}
    </article>
  );
};
