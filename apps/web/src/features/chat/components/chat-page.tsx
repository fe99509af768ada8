import { PageHeader } from "../../../components/ui/card.tsx";

export const ChatPage = () => (
  <div data-testid="chat-page">
    <PageHeader title="Coach" />
  </div>
);
