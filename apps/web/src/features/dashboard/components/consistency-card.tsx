import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { ProgressBar } from "../../../components/ui/progress-bar.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useConsistency } from "../api/list-consistency.ts";
import { latestConsistency } from "./trend-data.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { formatNumber } from "../../../lib/format.ts";

export const ConsistencyCard = () => {
  const { t } = useTranslation();
  const consistency = useConsistency();
  return (
    <Card aria-labelledby="consistency-card-title">
      <CardHeader
        title={<span id="consistency-card-title">{t("dashboard.consistency.title")}</span>}
        description={t("dashboard.consistency.description")}
      />
      <QueryState
        query={consistency}
        isEmpty={(page) => !page.items.length}
        empty={
          <EmptyState
            title={t("dashboard.consistency.emptyTitle")}
            description={t("dashboard.consistency.emptyDescription")}
          />
        }
      >
        {(page) => (
          <ul className="space-y-4">
            {latestConsistency(page.items).map((metric) => (
              <li key={metric.windowDays}>
                <div className="flex items-baseline justify-between">
                  <span className="text-sm font-medium text-slate-800">
                    {t("notificationStates.lastDays", { days: metric.windowDays })}
                  </span>
                  <span className="text-2xl font-semibold tabular-nums text-slate-900">
                    {formatNumber(Math.round(metric.score))}
                  </span>
                </div>
                <ProgressBar
                  className="mt-1"
                  barClassName="bg-amber-500"
                  label={t("notificationStates.consistencyLastDays", { days: metric.windowDays })}
                  value={metric.score}
                />
                {metric.notes && <p className="mt-1 text-xs text-slate-500">{metric.notes}</p>}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
};
