import type { TDailyModelUsage } from "@cto/contracts/api/usage";

import { Button } from "../../../components/ui/button.tsx";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useUserUsage } from "../api/get-user-usage.ts";
import type { TAdminUser } from "../api/list-users.ts";
import { formatCount, formatDollars } from "./usage-format.ts";
import { type TUsageColumn, UsageTable } from "./usage-table.tsx";

const DAY_COLUMNS: TUsageColumn<TDailyModelUsage>[] = [
  { header: "Day", cell: (row) => <span className="tabular-nums">{row.day}</span> },
  { header: "Model", cell: (row) => row.model },
  { header: "Requests", numeric: true, cell: (row) => formatCount(row.requests) },
  { header: "Tokens", numeric: true, cell: (row) => formatCount(row.tokens) },
  { header: "Cost", numeric: true, cell: (row) => formatDollars(row.cost) },
];

/** One account's AI usage over the last 30 days, per day and model: counts and cost, never what was said. */
export const UserUsageDialog = ({ user, onClose }: { user: TAdminUser | null; onClose: () => void }) => {
  const usage = useUserUsage(user?.id ?? null);
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={user ? `AI usage of ${user.email}` : "AI usage"}
      description="The last 30 days, by UTC day and model. Conversations themselves are not shown."
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      {user && (
        <QueryState
          query={usage}
          isEmpty={(data) => data.days.length === 0}
          empty={<EmptyState title="No AI usage in the last 30 days" />}
        >
          {(data) => (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">
                {formatCount(data.totals.requests)} requests · {formatCount(data.totals.tokens)} tokens ·{" "}
                {formatDollars(data.totals.cost)}
              </p>
              <div className="max-h-80 overflow-y-auto">
                <UsageTable
                  caption="AI usage per day and model"
                  compact
                  columns={DAY_COLUMNS}
                  rows={data.days}
                  rowKey={(row) => `${row.day}-${row.model}`}
                />
              </div>
            </div>
          )}
        </QueryState>
      )}
    </Dialog>
  );
};
