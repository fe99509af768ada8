import { Link } from "@tanstack/react-router";

import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatDate, formatTime } from "../../../lib/format.ts";
import { useDueCommitments } from "../api/list-due-commitments.ts";
import { isOverdue } from "./trend-data.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

export const DueTodayCard = () => {
  const { t } = useTranslation();
  const due = useDueCommitments();
  return (
    <Card aria-labelledby="due-card-title">
      <CardHeader
        title={<span id="due-card-title">{t("dashboard.due.title")}</span>}
        description={t("dashboard.due.description")}
        actions={
          <Link to="/goals" className="text-sm font-medium text-brand-700 hover:underline">
            {t("dashboard.due.manage")}
          </Link>
        }
      />
      <QueryState
        query={due}
        isEmpty={(items) => !items.length}
        empty={<EmptyState title={t("dashboard.due.emptyTitle")} description={t("dashboard.due.emptyDescription")} />}
      >
        {(items) => (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex items-center justify-between gap-3 py-2.5">
                <span className="text-sm text-slate-900">{item.title}</span>
                {isOverdue(item.dueAt) ? (
                  <Badge tone="danger">{t("dashboard.due.overdueSince", { date: formatDate(item.dueAt!) })}</Badge>
                ) : (
                  item.dueAt && <Badge tone="brand">{formatTime(item.dueAt)}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
};
