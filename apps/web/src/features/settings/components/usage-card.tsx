import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { formatNumber, formatTime, formatUsd } from "../../../lib/format.ts";
import { type TMyUsage, useMyUsage } from "../api/usage.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

const Totals = ({ label, totals }: { label: string; totals: TMyUsage["today"] }) => {
  const { t } = useTranslation();
  return (
    <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-800">
        {t("usage.totals", {
          requests: formatNumber(totals.requests),
          tokens: formatNumber(totals.tokens),
          cost: formatUsd(totals.cost),
        })}
      </dd>
    </div>
  );
};

/** How much of an allowance is left, as a labelled meter (the numbers are in its text too). */
const Allowance = ({ label, used, limit, unit }: { label: string; used: number; limit: number; unit: string }) => {
  const remaining = Math.max(0, limit - used);
  const { t } = useTranslation();
  const numbers = { remaining: formatNumber(remaining), limit: formatNumber(limit), unit };
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="tabular-nums text-slate-600">{t("usage.left", numbers)}</span>
      </div>
      <meter
        aria-label={t("usage.leftLabel", { label, ...numbers })}
        className="mt-1 h-2 w-full"
        min={0}
        max={limit}
        low={limit * 0.2}
        optimum={limit}
        value={remaining}
      />
    </div>
  );
};

/** Your own AI usage (today and this month, UTC) and what is left of today's allowances. */
export const UsageCard = () => {
  const usage = useMyUsage();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="usage-title">
      <CardHeader title={<span id="usage-title">{t("usage.title")}</span>} description={t("usage.description")} />
      <QueryState query={usage}>
        {(data) => (
          <div className="space-y-4">
            <dl className="grid gap-3 sm:grid-cols-2">
              <Totals label={t("usage.today")} totals={data.today} />
              <Totals label={t("usage.month")} totals={data.month} />
            </dl>
            <Allowance
              label={t("usage.chatTokens")}
              used={data.tokenBudget.used}
              limit={data.tokenBudget.limit}
              unit={t("usage.units.tokens")}
            />
            <Allowance
              label={t("usage.generations")}
              used={data.generationQuota.used}
              limit={data.generationQuota.limit}
              unit={t("usage.units.generations")}
            />
            <p className="text-xs text-slate-500">
              {t("usage.resets", { time: formatTime(data.tokenBudget.resetsAt) })}
            </p>
          </div>
        )}
      </QueryState>
    </Card>
  );
};
