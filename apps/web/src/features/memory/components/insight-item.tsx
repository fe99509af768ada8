import { Link } from "@tanstack/react-router";
import { useState } from "react";

import type { TInsightEvidence } from "@cto/contracts/api/memory";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import type { useInsightReview } from "../api/insights.ts";

type TInsightRow = {
  id: string;
  title: string | null;
  content: string;
  source: string;
  evidence: unknown;
  confidence: number | null;
  confirmedAt: number | null;
  createdAt: number;
};

const SOURCES = ["user", "message", "check_in", "analytics"] as const;
const isKnownSource = (source: string): source is (typeof SOURCES)[number] =>
  (SOURCES as readonly string[]).includes(source);

/** What an insight rests on, each with when; a message opens its conversation, a report the report. */
const Evidence = ({ items }: { items: TInsightEvidence[] }) => {
  const { t } = useTranslation();
  return (
    <ul className="mt-2 space-y-1 text-xs text-slate-600" aria-label={t("memory.insights.cameFrom")}>
      {items.map((item) => (
        <li key={item.id} className="rounded bg-slate-50 px-2 py-1">
          <span className="font-medium">{t(`memory.insights.evidence.${item.kind}`)}</span>, {formatDateTime(item.at)}:
          “{item.excerpt}”
          {item.kind === "message" && item.conversationId && (
            <>
              {" "}
              <Link
                to="/chat/$conversationId"
                params={{ conversationId: item.conversationId }}
                className="font-medium text-brand-700 hover:underline"
              >
                {t("memory.openConversation")}
              </Link>
            </>
          )}
          {item.kind === "report" && (
            <>
              {" "}
              <Link to="/reports" search={{ report: item.id }} className="font-medium text-brand-700 hover:underline">
                {t("memory.insights.openReport")}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
};

/** One insight with its source, evidence and date, and Confirm, Correct and Forget. */
export const InsightItem = ({
  insight,
  review,
}: {
  insight: TInsightRow;
  review: ReturnType<typeof useInsightReview>;
}) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(insight.content);
  const evidence = Array.isArray(insight.evidence) ? (insight.evidence as TInsightEvidence[]) : [];
  const busy = review.confirm.isPending || review.correct.isPending || review.forget.isPending;
  return (
    <li className="py-3 first:pt-0 last:pb-0" aria-label={insight.title ?? t("memory.insights.insight")}>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            review.correct.mutate({ id: insight.id, content: draft }, { onSuccess: () => setEditing(false) });
          }}
          className="space-y-2"
        >
          <label className="block text-sm font-medium text-slate-700" htmlFor={`insight-${insight.id}`}>
            {t("memory.insights.correctLabel")}
          </label>
          <textarea
            id={`insight-${insight.id}`}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            rows={3}
            className="w-full rounded-md border border-slate-300 p-2 text-sm"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy || !draft.trim()}>
              {t("memory.save")}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
              {t("memory.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {insight.title && <p className="font-medium text-slate-900">{insight.title}</p>}
          <p className="mt-1 text-sm text-slate-700">{insight.content}</p>
        </>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge>{isKnownSource(insight.source) ? t(`memory.insights.sources.${insight.source}`) : insight.source}</Badge>
        {insight.confidence !== null && (
          <span>{t("memory.confidence", { percent: Math.round(insight.confidence * 100) })}</span>
        )}
        <span>{t("memory.insights.noted", { date: formatDate(insight.createdAt) })}</span>
        {insight.confirmedAt !== null && (
          <Badge tone="success">{t("memory.insights.confirmedOn", { date: formatDate(insight.confirmedAt) })}</Badge>
        )}
      </div>
      {evidence.length > 0 && <Evidence items={evidence} />}
      {!editing && (
        <div className="mt-2 flex flex-wrap gap-2">
          {insight.confirmedAt === null && (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => review.confirm.mutate(insight.id)}>
              {t("memory.insights.confirm")}
            </Button>
          )}
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => setEditing(true)}>
            {t("memory.insights.correct")}
          </Button>
          <Button size="sm" variant="danger" disabled={busy} onClick={() => review.forget.mutate(insight.id)}>
            {t("memory.forget")}
          </Button>
        </div>
      )}
    </li>
  );
};
