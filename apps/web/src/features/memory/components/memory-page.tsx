import { PageHeader } from "../../../components/ui/card.tsx";
import { AssumptionsCard } from "./assumptions-card.tsx";
import { ContextCard } from "./context-card.tsx";
import { InsightsCard } from "./insights-card.tsx";

/** Memory: what the coach knows about you, where each piece came from and when, and your word on it. */
export const MemoryPage = () => (
  <div className="space-y-6">
    <PageHeader
      title="Memory"
      description="What your coach knows about you. Confirm, correct or forget anything here."
    />
    <InsightsCard />
    <ContextCard />
    <AssumptionsCard />
  </div>
);
