import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { formatNumber, formatTime, formatUsd } from "../../../lib/format.ts";
import { type TMyUsage, useMyUsage } from "../api/usage.ts";

const Totals = ({ label, totals }: { label: string; totals: TMyUsage["today"] }) => (
  <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
    <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
    <dd className="mt-1 text-sm text-slate-800">
      {formatNumber(totals.requests)} requests · {formatNumber(totals.tokens)} tokens · {formatUsd(totals.cost)}
    </dd>
  </div>
);

/** How much of an allowance is left, as a labelled meter (the numbers are in its text too). */
const Allowance = ({ label, used, limit, unit }: { label: string; used: number; limit: number; unit: string }) => {
  const remaining = Math.max(0, limit - used);
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="tabular-nums text-slate-600">
          {formatNumber(remaining)} of {formatNumber(limit)} {unit} left
        </span>
      </div>
      <meter
        aria-label={`${label}: ${formatNumber(remaining)} of ${formatNumber(limit)} ${unit} left`}
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
  return (
    <Card aria-labelledby="usage-title">
      <CardHeader
        title={<span id="usage-title">AI usage</span>}
        description="Your conversations with the coach, counted in UTC days."
      />
      <QueryState query={usage}>
        {(data) => (
          <div className="space-y-4">
            <dl className="grid gap-3 sm:grid-cols-2">
              <Totals label="Today" totals={data.today} />
              <Totals label="This month" totals={data.month} />
            </dl>
            <Allowance
              label="Chat tokens today"
              used={data.tokenBudget.used}
              limit={data.tokenBudget.limit}
              unit="tokens"
            />
            <Allowance
              label="Generations today"
              used={data.generationQuota.used}
              limit={data.generationQuota.limit}
              unit="generations"
            />
            <p className="text-xs text-slate-500">Both reset at {formatTime(data.tokenBudget.resetsAt)}.</p>
          </div>
        )}
      </QueryState>
    </Card>
  );
};
