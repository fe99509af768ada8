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
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

const WINDOWS: TUsageWindow[] = ["day", "week", "month", "all"];

const ms = (value: number | null) => (value === null ? "–" : i18n.t("admin.usage.ms", { value: formatCount(value) }));
const tokens = (value: number | null) => (value === null ? "–" : formatCount(value));

// Made when drawn, so the headers are in the language shown now.
const modelColumns = (): TUsageColumn<TAiModelUsage>[] => [
  { header: i18n.t("admin.columns.model"), cell: (model) => model.model },
  { header: i18n.t("admin.columns.requests"), numeric: true, cell: (model) => formatCount(model.usageCount) },
  { header: i18n.t("admin.columns.avgLatency"), numeric: true, cell: (model) => ms(model.avgLatency) },
  { header: i18n.t("admin.columns.avgTokens"), numeric: true, cell: (model) => tokens(model.avgTokens) },
  { header: i18n.t("admin.columns.tokens"), numeric: true, cell: (model) => formatCount(model.totalTokens) },
  { header: i18n.t("admin.columns.cost"), numeric: true, cell: (model) => formatDollars(model.totalCost) },
];

/** 004's AI usage analytics for everyone: requests, latency, cost and tokens per model. */
export const AiUsageCard = () => {
  const [window, setWindow] = useState<TUsageWindow>("month");
  const usage = useAiUsage(window);
  const models = usage.data?.models ?? [];
  const totals = usageTotals(models);
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="ai-usage-title">
      <CardHeader
        title={<span id="ai-usage-title">{t("admin.usage.title")}</span>}
        description={t("admin.usage.description")}
        actions={
          <Segmented
            label={t("admin.usage.period")}
            value={window}
            onChange={setWindow}
            options={WINDOWS.map((value) => ({ value, label: t(`admin.windows.${value}`) }))}
          />
        }
      />
      {usage.isPending ? (
        <LoadingBlock lines={5} label={t("admin.usage.loading")} />
      ) : usage.isError ? (
        <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />
      ) : models.length === 0 ? (
        <EmptyState title={t("admin.usage.emptyTitle")} description={t("admin.usage.emptyDescription")} />
      ) : (
        <div className={usage.isFetching ? "space-y-5 opacity-60" : "space-y-5"}>
          <div className="max-w-2xl">
            <Chart
              title={t("admin.usage.chart")}
              kind="bar"
              height={200}
              series={[
                {
                  name: t("admin.columns.requests"),
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
              caption={t("admin.usage.caption")}
              className="min-w-[40rem]"
              columns={modelColumns()}
              rows={models}
              rowKey={(model) => model.model}
              total={{
                model: t("admin.usage.allModels"),
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
