import { useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Textarea } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { EmptyState, FormError } from "../../../components/ui/states.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { formatTime } from "../../../lib/format.ts";
import { useCreateMessage } from "../api/create-message.ts";
import type { TAnalysisMessage } from "../api/types.ts";
import { MessageCollections } from "./message-collections.tsx";
import { SentimentBadge } from "./sentiment-badge.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/**
 * The conversation as a chat: their lines on the left, yours on the right, each with its sentiment
 * and the collections it is in (outside the bubble, so they read on any background).
 */
export const Conversation = ({
  messages,
  sessionId,
  filtered = false,
}: {
  messages: TAnalysisMessage[];
  sessionId: string;
  filtered?: boolean;
}) => {
  const { t } = useTranslation();
  return messages.length === 0 ? (
    filtered ? (
      <EmptyState
        title={t("analysis.conversation.emptyCollectionTitle")}
        description={t("analysis.conversation.emptyCollectionDescription")}
      />
    ) : (
      <EmptyState
        title={t("analysis.conversation.emptyTitle")}
        description={t("analysis.conversation.emptyDescription")}
      />
    )
  ) : (
    <ol className="space-y-3" aria-label={t("analysis.conversation.label")}>
      {messages.map((message) => {
        const mine = message.author === "user";
        return (
          <li key={message.id} className={cn("flex flex-col", mine ? "items-end" : "items-start")}>
            <div
              className={cn(
                "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm shadow-sm",
                mine
                  ? "rounded-br-sm bg-brand-600 text-white"
                  : "rounded-bl-sm bg-white text-slate-800 ring-1 ring-slate-200",
              )}
            >
              <p className="sr-only">{t(mine ? "analysis.conversation.you" : "analysis.conversation.they")}</p>
              <p className="whitespace-pre-wrap">{message.text}</p>
              <p className={cn("mt-1 text-xs", mine ? "text-white/90" : "text-slate-500")}>
                {formatTime(message.timestamp)}
              </p>
            </div>
            <div className={cn("flex max-w-[85%] flex-wrap items-start gap-1.5", mine && "justify-end")}>
              <span className="mt-1.5">
                <SentimentBadge sentiment={message.sentiment} />
              </span>
              <MessageCollections message={message} sessionId={sessionId} />
            </div>
          </li>
        );
      })}
    </ol>
  );
};

/** Adds one line to a text session; Enter with Ctrl/⌘ sends, as in chat apps. */
export const MessageComposer = ({ sessionId }: { sessionId: string }) => {
  const [author, setAuthor] = useState<"contact" | "user">("contact");
  const [text, setText] = useState("");
  const create = useCreateMessage();
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const { t } = useTranslation();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) return;
    create.mutate({ sessionId, text, author }, { onSuccess: () => setText("") });
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label={t("analysis.conversation.add")}
    >
      <FormError error={create.error && !Object.keys(fields).length ? create.error : null} />
      <Segmented
        label={t("analysis.conversation.who")}
        value={author}
        onChange={setAuthor}
        options={[
          { value: "contact", label: t("analysis.conversation.theyWrote") },
          { value: "user", label: t("analysis.conversation.iWrote") },
        ]}
      />
      <Field label={t("analysis.conversation.message")} error={fields.text}>
        <Textarea
          value={text}
          maxLength={20_000}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
          }}
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={create.isPending} disabled={!text.trim()}>
          {t("analysis.conversation.addMessage")}
        </Button>
      </div>
    </form>
  );
};
