import { Link } from "@tanstack/react-router";

import { Badge } from "../../../components/ui/badge.tsx";
import { ProgressBar } from "../../../components/ui/progress-bar.tsx";
import { buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useActiveGoals } from "../api/list-active-goals.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

export const GoalsCard = () => {
  const { t } = useTranslation();
  const goals = useActiveGoals();
  return (
    <Card aria-labelledby="goals-card-title">
      <CardHeader
        title={<span id="goals-card-title">{t("dashboard.goals.title")}</span>}
        actions={
          <Link to="/goals" className="text-sm font-medium text-brand-700 hover:underline">
            {t("dashboard.goals.all")}
          </Link>
        }
      />
      <QueryState
        query={goals}
        isEmpty={(page) => !page.items.length}
        empty={
          <EmptyState
            title={t("dashboard.goals.emptyTitle")}
            description={t("dashboard.goals.emptyDescription")}
            action={
              <Link to="/goals" className={buttonClass("primary", "sm")}>
                {t("dashboard.goals.setGoal")}
              </Link>
            }
          />
        }
      >
        {(page) => (
          <ul className="space-y-4">
            {page.items.map((goal) => (
              <li key={goal.id}>
                <div className="flex items-baseline justify-between gap-3">
                  <p className="truncate text-sm font-medium text-slate-900">{goal.title}</p>
                  <span className="shrink-0 text-sm tabular-nums text-slate-600">{goal.progress}%</span>
                </div>
                <ProgressBar
                  className="mt-1.5"
                  label={t("goals.list.progress", { title: goal.title })}
                  value={goal.progress}
                />
                <p className="mt-1 flex gap-2 text-xs text-slate-500">
                  <Badge>{t(`goals.periods.${goal.period}`)}</Badge>
                  {goal.deadline && <span>{t("goals.due", { date: formatDate(goal.deadline) })}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
};
