import { useEffect, useRef, useState } from "react";

import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useMessages, type TMessage } from "../api/list-messages.ts";
import { useChatTurn, type TChatAction, type TChatSource } from "../api/send-chat.ts";
import { Composer } from "./composer.tsx";
import { MessageBubble } from "./message-bubble.tsx";
import { ReplyDetails } from "./reply-details.tsx";

type TReplyMetadata = { sources?: TChatSource[]; actions?: TChatAction[] };

// Tool-call and tool-result rows are the coach's working; the person reads the messages around them.
const visible = (message: TMessage) => (message.role === "user" || message.role === "assistant") && message.content.trim() !== "";

const metadataOf = (message: TMessage): TReplyMetadata => (message.metadata && typeof message.metadata === "object" && !Array.isArray(message.metadata) ? (message.metadata as TReplyMetadata) : {});

/** One conversation: its messages, the reply streaming in, and the composer. */
export const Thread = ({ conversationId, title }: { conversationId: string; title: string }) => {
  const messages = useMessages(conversationId);
  const { turn, send } = useChatTurn(conversationId);
  const [draft, setDraft] = useState("");
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces on purpose: newer browsers return a Promise from scrollIntoView, and an effect must return nothing.
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages.data?.length, turn.reply]);
  useEffect(() => {
    // Refused before the stream began (too long, budget spent): nothing was stored, so give the text back.
    if (turn.status === "error" && turn.error instanceof ApiError && turn.error.status >= 400) setDraft((current) => current || turn.userText);
  }, [turn]);

  const onSend = (text: string) => {
    setDraft("");
    void send(text);
  };

  return (
    <section aria-label={title} className="flex h-full min-h-0 flex-col">
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-5" aria-live="polite" aria-relevant="additions">
        {messages.isPending && <LoadingBlock lines={4} label="Loading the conversation…" />}
        {messages.isError && <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />}
        {messages.data && (
          <ol className="space-y-4">
            {messages.data.filter(visible).map((message) => (
              <MessageBubble key={message.id} role={message.role as "user" | "assistant"} at={message.createdAt} footer={message.role === "assistant" ? <ReplyDetails {...metadataOf(message)} /> : undefined}>
                {message.content}
              </MessageBubble>
            ))}
            {turn.status !== "idle" && turn.userText && !(turn.status === "error" && turn.error instanceof ApiError && turn.error.status >= 400) && (
              <MessageBubble role="user">{turn.userText}</MessageBubble>
            )}
            {(turn.status === "streaming" || turn.status === "done") && (
              <MessageBubble role="assistant" streaming={turn.status === "streaming"} footer={turn.done ? <ReplyDetails sources={turn.done.sources} actions={turn.done.actions} /> : undefined}>
                {turn.reply || <span className="text-slate-400">The coach is thinking…</span>}
              </MessageBubble>
            )}
          </ol>
        )}
        {messages.data && !messages.data.some(visible) && turn.status === "idle" && (
          <p className="mx-auto max-w-sm py-10 text-center text-sm text-slate-500">Say hello, or tell the coach what you want to work on. It remembers your goals and past conversations.</p>
        )}
        {turn.status === "error" && (
          <div className="mt-4">
            <ErrorState title="The coach could not reply" error={turn.error} />
          </div>
        )}
        <div ref={bottom} />
      </div>
      <Composer onSend={onSend} busy={turn.status === "streaming"} draft={draft} onDraftChange={setDraft} />
    </section>
  );
};
