import type { ReactNode } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { cn } from "../../../lib/cn.ts";
import { useSetInteraction } from "../api/set-interaction.ts";
import type { TAnalysisMessage, TInteraction } from "../api/types.ts";
import { MessageCollections } from "./message-collections.tsx";
import { SentimentBadge } from "./sentiment-badge.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

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
  const { t } = useTranslation();
  const set = (type: TInteraction, on: boolean, done?: string) =>
    interaction.mutate(
      { sessionId, messageId: message.id, type, on },
      { onSuccess: () => done && toast.show(done), onError: (error) => toast.show(errorMessage(error), "error") },
    );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message.text);
    } catch {
      toast.show(t("analysis.suggestion.copyRefused"), "error");
      return;
    }
    set("copied_to_clipboard", true, t("analysis.suggestion.copied"));
  };

  return (
    <article
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-label={message.title ?? t("analysis.suggestion.label")}
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{message.title ?? t("analysis.suggestion.title")}</h3>
        <div className="flex gap-2">
          {message.tag && <Badge tone="brand">{message.tag}</Badge>}
          <SentimentBadge sentiment={message.sentiment} />
          {message.isPinned && <Badge>{t("analysis.suggestion.pinned")}</Badge>}
        </div>
      </header>
      <p className="whitespace-pre-wrap text-slate-800">{message.text}</p>
      {message.analysis && (
        <details className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">{t("analysis.suggestion.why")}</summary>
          <p className="mt-2 whitespace-pre-wrap text-slate-700">{message.analysis}</p>
        </details>
      )}
      <fieldset className="mt-3 flex flex-wrap gap-2" aria-label={t("analysis.suggestion.rate")}>
        <Toggle
          pressed={message.isLiked}
          disabled={interaction.isPending}
          onClick={() => set("liked", !message.isLiked)}
        >
          {t(message.isLiked ? "analysis.suggestion.liked" : "analysis.suggestion.like")}
        </Toggle>
        <Toggle
          pressed={message.isDisliked}
          disabled={interaction.isPending}
          onClick={() => set("disliked", !message.isDisliked)}
        >
          {t(message.isDisliked ? "analysis.suggestion.disliked" : "analysis.suggestion.dislike")}
        </Toggle>
        <Toggle
          pressed={message.isPinned}
          disabled={interaction.isPending}
          onClick={() => set("pinned", !message.isPinned)}
        >
          {t(message.isPinned ? "analysis.suggestion.unpin" : "analysis.suggestion.pin")}
        </Toggle>
        <Toggle pressed={message.usedCount > 0} disabled={interaction.isPending} onClick={() => void copy()}>
          {t(message.usedCount > 0 ? "analysis.suggestion.copiedButton" : "analysis.suggestion.copy")}
        </Toggle>
      </fieldset>
      <MessageCollections message={message} sessionId={sessionId} />
    </article>
  );
};
