import { InsightsPagedList } from "../../../components/insights-paged-list.tsx";
import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useInsights } from "../api/get-insights.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The coach's insights: patterns it noticed across conversations and check-ins. */
export const InsightsList = () => {
  const { t } = useTranslation();
  const insights = useInsights();
  return (
    <Card aria-labelledby="insights-title">
      <CardHeader
        title={<span id="insights-title">{t("reports.insights.title")}</span>}
        description={t("reports.insights.description")}
      />
      <InsightsPagedList query={insights} emptyDescription={t("reports.insights.empty")}>
        {(insight) => (
          <li key={insight.id} className="py-3 first:pt-0 last:pb-0">
            <p className="font-medium text-slate-900">{insight.title ?? t("reports.insights.insight")}</p>
            <p className="mt-1 text-sm text-slate-700">{insight.content}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              {insight.tags.map((tag) => (
                <Badge key={tag}>{tag}</Badge>
              ))}
              <span>{formatDate(insight.createdAt)}</span>
            </div>
          </li>
        )}
      </InsightsPagedList>
    </Card>
  );
};
