import type { TDailyModelUsage } from "@cto/contracts/api/usage";

import { Button } from "../../../components/ui/button.tsx";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useUserUsage } from "../api/get-user-usage.ts";
import type { TAdminUser } from "../api/list-users.ts";
import { formatCount, formatDollars, formatUtcDay } from "./usage-format.ts";
import { type TUsageColumn, UsageTable } from "./usage-table.tsx";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

// Made when drawn, so the headers are in the language shown now.
const dayColumns = (): TUsageColumn<TDailyModelUsage>[] => [
  {
    header: i18n.t("admin.columns.day"),
    cell: (row) => (
      <time dateTime={row.day} className="tabular-nums">
        {formatUtcDay(row.day)}
      </time>
    ),
  },
  { header: i18n.t("admin.columns.model"), cell: (row) => row.model },
  { header: i18n.t("admin.columns.requests"), numeric: true, cell: (row) => formatCount(row.requests) },
  { header: i18n.t("admin.columns.tokens"), numeric: true, cell: (row) => formatCount(row.tokens) },
  { header: i18n.t("admin.columns.cost"), numeric: true, cell: (row) => formatDollars(row.cost) },
];

/** One account's AI usage over the last 30 days, per day and model: counts and cost, never what was said. */
export const UserUsageDialog = ({ user, onClose }: { user: TAdminUser | null; onClose: () => void }) => {
  const usage = useUserUsage(user?.id ?? null);
  const { t } = useTranslation();
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={user ? t("admin.userUsage.title", { email: user.email }) : t("admin.userUsage.fallbackTitle")}
      description={t("admin.userUsage.description")}
      footer={
        <Button variant="secondary" onClick={onClose}>
          {t("admin.userUsage.close")}
        </Button>
      }
    >
      {user && (
        <QueryState
          query={usage}
          isEmpty={(data) => data.days.length === 0}
          empty={<EmptyState title={t("admin.userUsage.empty")} />}
        >
          {(data) => (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">
                {t("admin.userUsage.totals", {
                  requests: formatCount(data.totals.requests),
                  tokens: formatCount(data.totals.tokens),
                  cost: formatDollars(data.totals.cost),
                })}
              </p>
              <div className="max-h-80 overflow-y-auto">
                <UsageTable
                  caption={t("admin.userUsage.caption")}
                  compact
                  columns={dayColumns()}
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
