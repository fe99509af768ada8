import { Link } from "@tanstack/react-router";

import { Badge } from "../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { formatDate, formatTime } from "../../../lib/format.ts";
import { useDueCommitments } from "../api/list-due-commitments.ts";
import { isOverdue } from "./trend-data.ts";

export const DueTodayCard = () => {
  const due = useDueCommitments();
  return (
    <Card aria-labelledby="due-card-title">
      <CardHeader
        title={<span id="due-card-title">Due today</span>}
        description="Your open commitments for today, and any overdue."
        actions={
          <Link to="/goals" className="text-sm font-medium text-brand-700 hover:underline">
            Manage
          </Link>
        }
      />
      <QueryState
        query={due}
        isEmpty={(items) => !items.length}
        empty={
          <EmptyState
            title="Nothing due today"
            description="A clear day. Commitments you make show up here on their due date."
          />
        }
      >
        {(items) => (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex items-center justify-between gap-3 py-2.5">
                <span className="text-sm text-slate-900">{item.title}</span>
                {isOverdue(item.dueAt) ? (
                  <Badge tone="danger">Overdue since {formatDate(item.dueAt!)}</Badge>
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
