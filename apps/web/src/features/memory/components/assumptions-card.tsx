import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState, FormError } from "../../../components/ui/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { useAssumptions, useVerifyAssumption } from "../api/assumptions.ts";

type TAssumption = {
  id: string;
  auditLogId: string;
  assumption: string;
  category: string;
  confidence: number;
  verified: boolean | null;
  correction: string | null;
  action: { intent: string | null; conversationId: string | null; createdAt: number };
};

const Verdict = ({ item }: { item: TAssumption }) =>
  item.verified === null ? null : item.verified ? (
    <Badge tone="success">{i18n.t("memory.confirmed")}</Badge>
  ) : (
    <Badge tone="danger">
      {item.correction
        ? i18n.t("memory.assumptions.wrongWith", { correction: item.correction })
        : i18n.t("memory.assumptions.wrong")}
    </Badge>
  );

const AssumptionItem = ({ item, verify }: { item: TAssumption; verify: ReturnType<typeof useVerifyAssumption> }) => {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const [correction, setCorrection] = useState("");
  const send = (verified: boolean, text?: string) =>
    verify.mutate(
      { auditLogId: item.auditLogId, id: item.id, verified, ...(text ? { correction: text } : {}) },
      { onSuccess: () => setCorrecting(false) },
    );
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <p className="text-sm text-slate-800">{item.assumption}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge>{item.category}</Badge>
        <span>{t("memory.confidence", { percent: Math.round(item.confidence * 100) })}</span>
        <span>{formatDateTime(item.action.createdAt)}</span>
        {item.action.conversationId && (
          <Link
            to="/chat/$conversationId"
            params={{ conversationId: item.action.conversationId }}
            className="font-medium text-brand-700 hover:underline"
          >
            {item.action.intent ?? t("memory.openConversation")}
          </Link>
        )}
        <Verdict item={item} />
      </div>
      {correcting ? (
        <form
          className="mt-2 flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            send(false, correction.trim());
          }}
        >
          <input
            aria-label={t("memory.assumptions.insteadLabel")}
            value={correction}
            onChange={(event) => setCorrection(event.target.value)}
            className="h-8 flex-1 rounded-md border border-slate-300 px-2 text-sm"
          />
          <Button size="sm" type="submit" disabled={verify.isPending}>
            {t("memory.save")}
          </Button>
        </form>
      ) : (
        <div className="mt-2 flex gap-2">
          <Button size="sm" variant="secondary" disabled={verify.isPending} onClick={() => send(true)}>
            {t("memory.assumptions.right")}
          </Button>
          <Button size="sm" variant="secondary" disabled={verify.isPending} onClick={() => setCorrecting(true)}>
            {t("memory.assumptions.wrongButton")}
          </Button>
        </div>
      )}
    </li>
  );
};

/** The assumptions behind the coach's replies: confirmed, corrected or not yet looked at. The audit trail keeps them. */
export const AssumptionsCard = () => {
  const { t } = useTranslation();
  const assumptions = useAssumptions();
  const verify = useVerifyAssumption();
  return (
    <Card aria-labelledby="memory-assumptions-title">
      <CardHeader
        title={<span id="memory-assumptions-title">{t("memory.assumptions.title")}</span>}
        description={t("memory.assumptions.description")}
      />
      {verify.error && <FormError error={verify.error} />}
      {assumptions.isPending ? (
        <LoadingBlock label={t("memory.assumptions.loading")} />
      ) : assumptions.isError ? (
        <ErrorState error={assumptions.error} onRetry={() => void assumptions.refetch()} />
      ) : assumptions.data.pages[0]?.items.length === 0 ? (
        <EmptyState title={t("memory.assumptions.emptyTitle")} description={t("memory.assumptions.emptyDescription")} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {assumptions.data.pages
              .flatMap((page) => page.items as TAssumption[])
              .map((item) => (
                <AssumptionItem key={item.id} item={item} verify={verify} />
              ))}
          </ul>
          <LoadMore query={assumptions} label={t("memory.assumptions.loadMore")} />
        </>
      )}
    </Card>
  );
};
