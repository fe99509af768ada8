import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatPeriod, periodTimezone } from "../../../lib/format.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";
import { useLatestReport } from "../api/get-latest-report.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

export const ReportCard = () => {
  const { t } = useTranslation();
  const report = useLatestReport();
  return (
    <Card aria-labelledby="report-card-title">
      <CardHeader title={<span id="report-card-title">{t("dashboard.report.title")}</span>} />
      <QueryState
        query={report}
        isEmpty={(data) => !data}
        empty={
          <EmptyState title={t("dashboard.report.emptyTitle")} description={t("dashboard.report.emptyDescription")} />
        }
      >
        {(data) =>
          data && (
            <article>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold text-slate-900">
                  {data.title ?? enumLabel("reports.lengths", data.type)}
                </h3>
                <Badge tone="brand">
                  {formatPeriod(data.periodStart, data.periodEnd, periodTimezone(data.payload))}
                </Badge>
              </div>
              {data.summary && <p className="mt-2 text-sm leading-relaxed text-slate-700">{data.summary}</p>}
            </article>
          )
        }
      </QueryState>
    </Card>
  );
};
