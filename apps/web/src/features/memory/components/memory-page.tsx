import { PageHeader } from "../../../components/ui/card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { AssumptionsCard } from "./assumptions-card.tsx";
import { ContextCard } from "./context-card.tsx";
import { InsightsCard } from "./insights-card.tsx";

/** Memory: what the coach knows about you, where each piece came from and when, and your word on it. */
export const MemoryPage = () => {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <PageHeader title={t("memory.title")} description={t("memory.description")} />
      <InsightsCard />
      <ContextCard />
      <AssumptionsCard />
    </div>
  );
};
