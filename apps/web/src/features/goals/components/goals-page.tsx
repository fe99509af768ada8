import { PageHeader } from "../../../components/ui/card.tsx";

export const GoalsPage = () => (
  <div data-testid="goals-page">
    <PageHeader title="Goals" />
  </div>
);
