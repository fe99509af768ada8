import { useRouteContext } from "@tanstack/react-router";

import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import type { TSession } from "../../../lib/session.ts";
import { AdminAuditCard } from "./admin-audit-card.tsx";
import { AiUsageCard } from "./ai-usage-card.tsx";
import { UsersCard } from "./users-card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** Where the API serves Bull Board (admins only), through the same `/api` proxy as every call. */
export const QUEUE_DASHBOARD_URL = "/api/admin/queues";

/** Administrators: AI usage and cost across all users, the accounts and their changes, and the way to the job queues. */
export const AdminPage = () => {
  const { session } = useRouteContext({ strict: false }) as { session?: TSession };
  const { t } = useTranslation();
  if (session?.user.role !== "admin")
    return (
      <div data-testid="admin-page">
        <PageHeader title={t("admin.title")} />
        <EmptyState title={t("admin.forbiddenTitle")} description={t("admin.forbiddenDescription")} />
      </div>
    );
  return (
    <div data-testid="admin-page" className="space-y-6">
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <AiUsageCard />
      <UsersCard selfId={session.user.id} />
      <AdminAuditCard />
      <Card aria-labelledby="queues-title">
        <CardHeader
          title={<span id="queues-title">{t("admin.queuesTitle")}</span>}
          description={t("admin.queuesDescription")}
        />
        <a href={QUEUE_DASHBOARD_URL} target="_blank" rel="noopener" className={buttonClass("secondary")}>
          {t("admin.openQueues")}
          <span className="sr-only">{t("admin.newTab")}</span>
        </a>
      </Card>
    </div>
  );
};
