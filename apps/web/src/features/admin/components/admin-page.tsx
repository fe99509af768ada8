import { useRouteContext } from "@tanstack/react-router";

import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import type { TSession } from "../../../lib/session.ts";
import { AdminAuditCard } from "./admin-audit-card.tsx";
import { AiUsageCard } from "./ai-usage-card.tsx";
import { UsersCard } from "./users-card.tsx";

/** Where the API serves Bull Board (admins only), through the same `/api` proxy as every call. */
export const QUEUE_DASHBOARD_URL = "/api/admin/queues";

/** Administrators: AI usage and cost across all users, the accounts and their changes, and the way to the job queues. */
export const AdminPage = () => {
  const { session } = useRouteContext({ strict: false }) as { session?: TSession };
  if (session?.user.role !== "admin")
    return (
      <div data-testid="admin-page">
        <PageHeader title="Admin" />
        <EmptyState
          title="This page is for administrators"
          description="Ask an administrator of this Cto server if you need access."
        />
      </div>
    );
  return (
    <div data-testid="admin-page" className="space-y-6">
      <PageHeader title="Admin" description="How the platform is used, what it costs, and who uses it." />
      <AiUsageCard />
      <UsersCard selfId={session.user.id} />
      <AdminAuditCard />
      <Card aria-labelledby="queues-title">
        <CardHeader
          title={<span id="queues-title">Background jobs</span>}
          description="Reminders, reports, embeddings, OCR and Telegram delivery run in the worker's queues."
        />
        <a href={QUEUE_DASHBOARD_URL} target="_blank" rel="noopener" className={buttonClass("secondary")}>
          Open the queue dashboard
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </Card>
    </div>
  );
};
