import { InsightsPagedList } from "../../../components/insights-paged-list.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useInsightReview, useMemoryInsights } from "../api/insights.ts";
import { InsightItem } from "./insight-item.tsx";

/** Insights: what the coach noticed (from messages and check-ins) or the user added, each reviewable. */
export const InsightsCard = () => {
  const insights = useMemoryInsights();
  const review = useInsightReview();
  const failure = review.confirm.error ?? review.correct.error ?? review.forget.error;
  return (
    <Card aria-labelledby="memory-insights-title">
      <CardHeader
        title={<span id="memory-insights-title">Insights</span>}
        description="What the coach noticed or you told it. Forgetting one removes it from every later reply and search."
      />
      {failure && <FormError error={failure} />}
      <InsightsPagedList
        query={insights}
        emptyDescription="Talk with your coach and check in; what it notices shows up here within the hour."
      >
        {(insight) => <InsightItem key={insight.id} insight={insight} review={review} />}
      </InsightsPagedList>
    </Card>
  );
};
