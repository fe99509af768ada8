import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { chatBranches } from "@cto/contracts/api/chat-branches";
import type { TChatMessageMetadata } from "@cto/contracts/api/chat-metadata";

import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError, errorMessage } from "../../../lib/api-error.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { useMessages, type TMessage } from "../api/list-messages.ts";
import { chooseBranch, chooseReply, useChatTurn } from "../api/send-chat.ts";
import { Composer } from "./composer.tsx";
import { Starters } from "./starters.tsx";
import { CopyButton } from "./copy-button.tsx";
import { LazyMarkdown as Markdown } from "./lazy-markdown.tsx";
import { MessageBubble } from "./message-bubble.tsx";
import { MessageEditor } from "./message-editor.tsx";
import { ReplySwitcher, threadRows, VersionSwitcher } from "./reply-alternatives.tsx";
import { ReplyDetails } from "./reply-details.tsx";
import { WhyReply } from "./why-reply.tsx";

// As the API's STALE_REPLY_MS: a reply pending this long was cut off with the process that ran it.
const STALE_REPLY_MS = 15 * 60_000;

const metadataOf = (message: TMessage): TChatMessageMetadata =>
  message.metadata && typeof message.metadata === "object" && !Array.isArray(message.metadata)
    ? (message.metadata as TChatMessageMetadata)
    : {};

// Tool-call and tool-result rows are the coach's working; the person reads the messages around them
// (a reply stopped before its first word shows, to say so).
const visible = (message: TMessage) =>
  (message.role === "user" || message.role === "assistant") &&
  (message.content.trim() !== "" || (message.role === "assistant" && metadataOf(message).stopped === true));

/** A reply the user stopped says so under what it wrote. */
const StoppedNote = () => <p className="mt-2 text-xs text-slate-500 italic">{i18n.t("chat.thread.stopped")}</p>;

/** The current branch's last message, when it is the user's and its reply failed (or was cut off): found after a reload too. */
const failedReplyOf = (messages: TMessage[]): { message: TMessage; error: ApiError } | null => {
  const last = chatBranches(messages.filter(visible)).current.at(-1);
  const reply = last?.role === "user" ? metadataOf(last).reply : undefined;
  if (!last || !reply) return null;
  if (reply.status === "failed")
    return {
      message: last,
      error: new ApiError(reply.message ?? i18n.t("chat.thread.failedSaved"), 0, "reply_failed"),
    };
  if (reply.status === "pending" && Date.now() - (reply.at ?? 0) > STALE_REPLY_MS)
    return { message: last, error: new ApiError(i18n.t("chat.thread.cutOff"), 0, "reply_failed") };
  return null;
};

/** One conversation: its messages, the reply streaming in, and the composer. */
export const Thread = ({ conversationId, title }: { conversationId: string; title: string }) => {
  const { t } = useTranslation();
  const messages = useMessages(conversationId);
  const { turn, send, retry, regenerate, edit, stop } = useChatTurn(conversationId);
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState("");
  const [editingId, setEditingId] = useState<string>();
  // Replies whose sources are open, by message id: the streamed reply is replaced by the stored one once the
  // thread reloads, and the list must stay open across that swap.
  const [openSources, setOpenSources] = useState<ReadonlySet<string>>(() => new Set());
  const sourcesToggle = (messageId: string) => (open: boolean) =>
    setOpenSources((current) => {
      if (current.has(messageId) === open) return current;
      const next = new Set(current);
      if (open) next.add(messageId);
      else next.delete(messageId);
      return next;
    });
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces on purpose: newer browsers return a Promise from scrollIntoView, and an effect must return nothing.
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages.data?.length, turn.reply]);
  useEffect(() => {
    // Not stored (refused before the stream began, or the API unreachable): give the text back.
    if (turn.status === "error" && turn.messageId === undefined && !turn.editing)
      setDraft((current) => current || turn.userText);
  }, [turn]);
  const stored = messages.data ?? [];
  // The message typed shows once: as typed until the stored thread holds it, then as stored.
  const showTyped =
    turn.status !== "idle" &&
    turn.userText !== "" &&
    (turn.messageId === undefined ? turn.status !== "error" : !stored.some((message) => message.id === turn.messageId));
  const storedFailure = turn.status === "idle" ? failedReplyOf(stored) : null;

  const allRows = threadRows(
    stored.filter(visible),
    turn.regenerating && turn.status !== "idle" && turn.status !== "error" ? turn.messageId : undefined,
  );
  // Asking again with a message edited: the thread ends before the old text until the new branch is stored.
  const cut = turn.editing && showTyped ? allRows.findIndex((row) => row.message.id === turn.editing) : -1;
  const rows = cut >= 0 ? allRows.slice(0, cut) : allRows;
  const lastRow = rows.at(-1);
  // Regenerate: the reply to the thread's latest message, once it is answered and nothing streams.
  const canRegenerate =
    turn.status === "idle" &&
    lastRow?.message.role === "assistant" &&
    lastRow.askedId !== undefined &&
    rows.filter((row) => row.message.role === "user").at(-1)?.message.id === lastRow.askedId &&
    // The API regenerates the latest message stored, which a flip back to an earlier version leaves elsewhere.
    stored.filter((message) => message.role === "user").at(-1)?.id === lastRow.askedId;
  const onChoose = (askedId: string, replyId: string) =>
    void chooseReply(conversationId, askedId, replyId)
      .then(() => queryClient.invalidateQueries({ queryKey: ["conversations", conversationId, "messages"] }))
      .catch((error: unknown) => toast.show(errorMessage(error), "error"));

  const onChooseVersion = (messageId: string) =>
    void chooseBranch(conversationId, messageId)
      .then(() => queryClient.invalidateQueries({ queryKey: ["conversations", conversationId, "messages"] }))
      .catch((error: unknown) => toast.show(errorMessage(error), "error"));
  const onEdit = (messageId: string, text: string) => {
    setEditingId(undefined);
    void edit(messageId, text);
  };

  const onSend = (text: string) => {
    setDraft("");
    void send(text);
  };

  return (
    <section aria-label={title} className="flex h-full min-h-0 flex-col">
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-5" aria-live="polite" aria-relevant="additions">
        {messages.isPending && <LoadingBlock lines={4} label={t("chat.thread.loading")} />}
        {messages.isError && <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />}
        {messages.data && (
          <ol className="space-y-4">
            {rows.map(({ message, ...row }) => (
              <MessageBubble
                key={message.id}
                role={message.role as "user" | "assistant"}
                at={message.createdAt}
                footer={
                  message.role === "assistant" ? (
                    <>
                      {metadataOf(message).stopped && <StoppedNote />}
                      <ReplyDetails
                        {...metadataOf(message)}
                        sourcesOpen={openSources.has(message.id)}
                        onSourcesToggle={sourcesToggle(message.id)}
                      />
                      <WhyReply conversationId={conversationId} messageId={message.id} />
                    </>
                  ) : undefined
                }
                actions={
                  <>
                    <ReplySwitcher
                      row={{ message, ...row }}
                      onChoose={onChoose}
                      disabled={turn.status === "streaming"}
                    />
                    <VersionSwitcher
                      row={{ message, ...row }}
                      onChoose={onChooseVersion}
                      disabled={turn.status === "streaming"}
                    />
                    <CopyButton text={message.content} label={t("chat.copy.message")} />
                    {message.role === "user" && editingId !== message.id && turn.status !== "streaming" && (
                      <button
                        type="button"
                        onClick={() => setEditingId(message.id)}
                        className="rounded-md bg-white/90 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100"
                      >
                        {t("chat.thread.edit")}
                      </button>
                    )}
                    {canRegenerate && message.id === lastRow?.message.id && (
                      <button
                        type="button"
                        onClick={() => void regenerate(row.askedId!)}
                        className="rounded-md bg-white/90 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100"
                      >
                        {t("chat.thread.regenerate")}
                      </button>
                    )}
                  </>
                }
              >
                {message.role === "assistant" ? (
                  <Markdown>{message.content}</Markdown>
                ) : editingId === message.id ? (
                  <MessageEditor
                    initial={message.content}
                    onSave={(text) => onEdit(message.id, text)}
                    onCancel={() => setEditingId(undefined)}
                  />
                ) : (
                  message.content
                )}
              </MessageBubble>
            ))}
            {showTyped && <MessageBubble role="user">{turn.userText}</MessageBubble>}
            {(turn.status === "streaming" ||
              (turn.status === "done" && !stored.some((message) => message.id === turn.done?.message.id))) && (
              <MessageBubble
                role="assistant"
                streaming={turn.status === "streaming"}
                footer={
                  turn.done ? (
                    <>
                      {metadataOf(turn.done.message as TMessage).stopped && <StoppedNote />}
                      <ReplyDetails
                        sources={turn.done.sources}
                        actions={turn.done.actions}
                        sourcesOpen={openSources.has(turn.done.message.id)}
                        onSourcesToggle={sourcesToggle(turn.done.message.id)}
                      />
                    </>
                  ) : undefined
                }
              >
                {turn.reply ? (
                  <Markdown>{turn.reply}</Markdown>
                ) : (
                  <span className="text-slate-400">{t("chat.thread.thinking")}</span>
                )}
              </MessageBubble>
            )}
          </ol>
        )}
        {messages.data && !messages.data.some(visible) && turn.status === "idle" && (
          <div className="py-10">
            <p className="mx-auto max-w-sm text-center text-sm text-slate-500">{t("chat.thread.emptyHint")}</p>
            <Starters onPick={setDraft} />
          </div>
        )}
        {(turn.status === "error" || storedFailure) && (
          <div className="mt-4">
            {turn.status === "error" ? (
              <ErrorState
                title={t("chat.thread.failed")}
                error={turn.error}
                retryLabel={t("chat.thread.retry")}
                onRetry={
                  turn.messageId && turn.retryable ? () => void retry(turn.messageId!, turn.userText) : undefined
                }
              />
            ) : (
              <ErrorState
                title={t("chat.thread.failed")}
                error={storedFailure!.error}
                retryLabel={t("chat.thread.retry")}
                onRetry={() => void retry(storedFailure!.message.id, storedFailure!.message.content)}
              />
            )}
          </div>
        )}
        <div ref={bottom} />
      </div>
      <Composer
        onSend={onSend}
        onStop={() => void stop()}
        busy={turn.status === "streaming"}
        draft={draft}
        onDraftChange={setDraft}
      />
    </section>
  );
};
