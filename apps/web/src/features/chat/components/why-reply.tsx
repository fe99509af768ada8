import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useExplanation } from "../api/get-explanation.ts";
import { actionLabel } from "./reply-details.tsx";

type TAssumption = { id: string; assumption: string; category: string; confidence: number; verified: boolean | null };

/** "Why did the coach do that?": opens the tool calls and assumptions recorded with a reply. */
export const WhyReply = ({ conversationId, messageId }: { conversationId: string; messageId: string }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const explanation = useExplanation(conversationId, messageId, open);
  return (
    <details className="mt-2 text-xs text-slate-600" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer select-none font-medium text-slate-700 hover:text-slate-900">
        {t("chat.why.title")}
      </summary>
      {explanation.isPending ? (
        <LoadingBlock label={t("chat.why.loading")} />
      ) : explanation.isError ? (
        <ErrorState error={explanation.error} onRetry={() => void explanation.refetch()} />
      ) : (
        <div className="mt-2 space-y-2">
          {explanation.data.toolCalls.length > 0 && (
            <section aria-label={t("chat.why.toolCalls")}>
              <p className="font-semibold">{t("chat.why.toolCalls")}</p>
              <ul className="space-y-1">
                {explanation.data.toolCalls.map((call) => (
                  <li key={call.id} className="rounded-md bg-slate-50 p-2">
                    <Badge tone={call.ok ? "success" : "danger"}>{actionLabel(call.name)}</Badge>{" "}
                    <code className="break-all">{JSON.stringify(call.arguments)}</code>
                    {call.error && <p className="text-red-700">{call.error}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-label={t("chat.why.assumptions")}>
            <p className="font-semibold">{t("chat.why.assumptions")}</p>
            <ul className="space-y-1">
              {(explanation.data.auditLog.assumptions as TAssumption[]).map((item) => (
                <li key={item.id} className="rounded-md bg-slate-50 p-2">
                  <Badge>{item.category}</Badge> {item.assumption}{" "}
                  <span className="text-slate-500">({Math.round(item.confidence * 100)}%)</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </details>
  );
};
