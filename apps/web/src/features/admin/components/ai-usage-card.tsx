import { useState } from "react";

import type { TAiModelUsage } from "@cto/contracts/api/coaching";

import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Chart } from "../../../components/ui/chart.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useAiUsage, usageTotals, type TUsageWindow } from "../api/get-ai-usage.ts";
import { formatCount, formatDollars } from "./usage-format.ts";
import { type TUsageColumn, UsageTable } from "./usage-table.tsx";

const WINDOWS: { value: TUsageWindow; label: string }[] = [
  { value: "day", label: "24 hours" },
  { value: "week", label: "7 days" },
  { value: "month", label: "30 days" },
  { value: "all", label: "All time" },
];

const ms = (value: number | null) => (value === null ? "–" : `${formatCount(value)} ms`);
const tokens = (value: number | null) => (value === null ? "–" : formatCount(value));

const MODEL_COLUMNS: TUsageColumn<TAiModelUsage>[] = [
  { header: "Model", cell: (model) => model.model },
  { header: "Requests", numeric: true, cell: (model) => formatCount(model.usageCount) },
  { header: "Avg latency", numeric: true, cell: (model) => ms(model.avgLatency) },
  { header: "Avg tokens", numeric: true, cell: (model) => tokens(model.avgTokens) },
  { header: "Tokens", numeric: true, cell: (model) => formatCount(model.totalTokens) },
  { header: "Cost", numeric: true, cell: (model) => formatDollars(model.totalCost) },
];

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
              formatY={(y) => formatCount(y)}
            />
          </div>
          <div className="overflow-x-auto">
            <UsageTable
              caption="AI usage by model"
              className="min-w-[40rem]"
              columns={MODEL_COLUMNS}
              rows={models}
              rowKey={(model) => model.model}
              total={{
                model: "All models",
                usageCount: totals.requests,
                avgLatency: totals.avgLatency,
                avgTokens: totals.avgTokens,
                totalTokens: totals.tokens,
                totalCost: totals.cost,
              }}
            />
          </div>
        </div>
      )}
    </Card>
  );
};
