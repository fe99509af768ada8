import { InsightsPagedList } from "../../../components/insights-paged-list.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useInsightReview, useMemoryInsights } from "../api/insights.ts";
import { InsightItem } from "./insight-item.tsx";

/** Insights: what the coach noticed (from messages and check-ins) or the user added, each reviewable. */
export const InsightsCard = () => {
  const { t } = useTranslation();
  const insights = useMemoryInsights();
  const review = useInsightReview();
  const failure = review.confirm.error ?? review.correct.error ?? review.forget.error;
  return (
    <Card aria-labelledby="memory-insights-title">
      <CardHeader
        title={<span id="memory-insights-title">{t("memory.insights.title")}</span>}
        description={t("memory.insights.description")}
      />
      {failure && <FormError error={failure} />}
      <InsightsPagedList query={insights} emptyDescription={t("memory.insights.empty")}>
        {(insight) => <InsightItem key={insight.id} insight={insight} review={review} />}
      </InsightsPagedList>
    </Card>
  );
};
