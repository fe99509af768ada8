import { PageHeader } from "../../../components/ui/card.tsx";

export const SettingsPage = () => (
  <div data-testid="settings-page">
    <PageHeader title="Settings" />
  </div>
);
