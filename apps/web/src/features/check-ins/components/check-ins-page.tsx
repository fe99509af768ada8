import { PageHeader } from "../../../components/ui/card.tsx";

export const CheckInsPage = () => (
  <div data-testid="check-ins-page">
    <PageHeader title="Check-ins" />
  </div>
);
