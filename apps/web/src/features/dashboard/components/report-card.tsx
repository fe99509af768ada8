import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatPeriod, humanize, periodTimezone } from "../../../lib/format.ts";
import { useLatestReport } from "../api/get-latest-report.ts";

export const ReportCard = () => {
  const report = useLatestReport();
  return (
    <Card aria-labelledby="report-card-title">
      <CardHeader title={<span id="report-card-title">Latest report</span>} />
      <QueryState
        query={report}
        isEmpty={(data) => !data}
        empty={
          <EmptyState
            title="No report yet"
            description="Cto writes a short report after your first few days of check-ins."
          />
        }
      >
        {(data) =>
          data && (
            <article>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold text-slate-900">{data.title ?? humanize(data.type)}</h3>
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
