import { PageHeader } from "../../../components/ui/card.tsx";

export const DashboardPage = () => (
  <div data-testid="dashboard-ready">
    <PageHeader title="Dashboard" />
  </div>
);
