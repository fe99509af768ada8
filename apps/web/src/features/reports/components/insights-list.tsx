import { InsightsPagedList } from "../../../components/insights-paged-list.tsx";
import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useInsights } from "../api/get-insights.ts";

/** The coach's insights: patterns it noticed across conversations and check-ins. */
export const InsightsList = () => {
  const insights = useInsights();
  return (
    <Card aria-labelledby="insights-title">
      <CardHeader title={<span id="insights-title">Insights</span>} description="Patterns your coach noticed." />
      <InsightsPagedList
        query={insights}
        emptyDescription="Talk with your coach for a few days; what it notices shows up here."
      >
        {(insight) => (
          <li key={insight.id} className="py-3 first:pt-0 last:pb-0">
            <p className="font-medium text-slate-900">{insight.title ?? "Insight"}</p>
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
