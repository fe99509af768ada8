import { useState } from "react";

import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Chart } from "../../../components/ui/chart.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useAiUsage, usageTotals, type TUsageWindow } from "../api/get-ai-usage.ts";

const WINDOWS: { value: TUsageWindow; label: string }[] = [
  { value: "day", label: "24 hours" },
  { value: "week", label: "7 days" },
  { value: "month", label: "30 days" },
  { value: "all", label: "All time" },
];

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
// Single responses cost fractions of a cent; two significant digits keep them from reading "$0.00".
const usdSmall = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 2 });
const dollars = (value: number) => (value > 0 && value < 0.01 ? usdSmall.format(value) : usd.format(value));
const count = new Intl.NumberFormat();
const ms = (value: number | null) => (value === null ? "–" : `${count.format(Math.round(value))} ms`);
const tokens = (value: number | null) => (value === null ? "–" : count.format(Math.round(value)));

/** 004's AI usage analytics for everyone: requests, latency, cost and tokens per model. */
export const AiUsageCard = () => {
  const [window, setWindow] = useState<TUsageWindow>("month");
  const usage = useAiUsage(window);
  const models = usage.data?.models ?? [];
  const totals = usageTotals(models);
  return (
    <Card aria-labelledby="ai-usage-title">
      <CardHeader
        title={<span id="ai-usage-title">AI usage and cost</span>}
        description="Every user's AI responses, by model."
        actions={<Segmented label="Period" value={window} onChange={setWindow} options={WINDOWS} />}
      />
      {usage.isPending ? (
        <LoadingBlock lines={5} label="Loading AI usage…" />
      ) : usage.isError ? (
        <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />
      ) : models.length === 0 ? (
        <EmptyState
          title="No AI responses in this period"
          description="Usage appears here once people talk with the coach."
        />
      ) : (
        <div className={usage.isFetching ? "space-y-5 opacity-60" : "space-y-5"}>
          <div className="max-w-2xl">
            <Chart
              title="Requests per model"
              kind="bar"
              height={200}
              series={[
                {
                  name: "Requests",
                  points: models.map((model, index) => ({ x: index, y: model.usageCount, label: model.model })),
                },
              ]}
              // Whole requests: a top of at least 4 keeps the four gridlines on integers.
              yDomain={[0, Math.max(4, Math.ceil(Math.max(...models.map((model) => model.usageCount)) / 4) * 4)]}
              formatX={(x) => models[x]?.model ?? ""}
              formatY={(y) => count.format(Math.round(y))}
            />
          </div>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">AI usage by model</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Model
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Requests
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Avg latency
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Avg tokens
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Tokens
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {models.map((model) => (
                  <tr key={model.model}>
                    <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                      {model.model}
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums">{count.format(model.usageCount)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{ms(model.avgLatency)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{tokens(model.avgTokens)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{count.format(model.totalTokens)}</td>
                    <td className="py-2 text-right tabular-nums">{dollars(model.totalCost)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-200 font-semibold text-slate-900">
                <tr>
                  <th scope="row" className="py-2 pr-4">
                    All models
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{count.format(totals.requests)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{ms(totals.avgLatency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{tokens(totals.avgTokens)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{count.format(totals.tokens)}</td>
                  <td className="py-2 text-right tabular-nums">{dollars(totals.cost)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
};
