import type { ReactNode } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { useSetInteraction } from "../api/set-interaction.ts";
import type { TAnalysisMessage, TInteraction } from "../api/types.ts";
import { MessageCollections } from "./message-collections.tsx";
import { SentimentBadge } from "./sentiment-badge.tsx";

const Toggle = ({
  pressed,
  onClick,
  children,
  disabled,
}: {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
  disabled?: boolean;
}) => (
  <button
    type="button"
    aria-pressed={pressed}
    disabled={disabled}
    onClick={onClick}
    className={cn(
      "rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset transition-colors disabled:opacity-60",
      pressed ? "bg-brand-50 text-brand-700 ring-brand-500/40" : "text-slate-600 ring-slate-300 hover:bg-slate-50",
    )}
  >
    {children}
  </button>
);

/** One AI suggestion: the reply, its title and tag, "why this works", and what you did with it. */
export const SuggestionCard = ({ message, sessionId }: { message: TAnalysisMessage; sessionId: string }) => {
  const interaction = useSetInteraction();
  const toast = useToast();
  const set = (type: TInteraction, on: boolean, done?: string) =>
    interaction.mutate(
      { sessionId, messageId: message.id, type, on },
      { onSuccess: () => done && toast.show(done), onError: (error) => toast.show(errorMessage(error), "error") },
    );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message.text);
    } catch {
      toast.show("Your browser did not allow copying. Select the text and copy it yourself.", "error");
      return;
    }
    set("copied_to_clipboard", true, "Copied to the clipboard.");
  };

  return (
    <article
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label={message.title ?? "Suggestion"}
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{message.title ?? "Suggested reply"}</h3>
        <div className="flex gap-2">
          {message.tag && <Badge tone="brand">{message.tag}</Badge>}
          <SentimentBadge sentiment={message.sentiment} />
          {message.isPinned && <Badge>Pinned</Badge>}
        </div>
      </header>
      <p className="whitespace-pre-wrap text-slate-800">{message.text}</p>
      {message.analysis && (
        <details className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">Why this works</summary>
          <p className="mt-2 whitespace-pre-wrap text-slate-700">{message.analysis}</p>
        </details>
      )}
      <fieldset className="mt-3 flex flex-wrap gap-2" aria-label="Rate this suggestion">
        <Toggle
          pressed={message.isLiked}
          disabled={interaction.isPending}
          onClick={() => set("liked", !message.isLiked)}
        >
          {message.isLiked ? "Liked" : "Like"}
        </Toggle>
        <Toggle
          pressed={message.isDisliked}
          disabled={interaction.isPending}
          onClick={() => set("disliked", !message.isDisliked)}
        >
          {message.isDisliked ? "Disliked" : "Dislike"}
        </Toggle>
        <Toggle
          pressed={message.isPinned}
          disabled={interaction.isPending}
          onClick={() => set("pinned", !message.isPinned)}
        >
          {message.isPinned ? "Unpin" : "Pin"}
        </Toggle>
        <Toggle pressed={message.usedCount > 0} disabled={interaction.isPending} onClick={() => void copy()}>
          {message.usedCount > 0 ? "Copied" : "Copy"}
        </Toggle>
      </fieldset>
      <MessageCollections message={message} sessionId={sessionId} />
    </article>
  );
};
