import { Button } from "../../../components/ui/button.tsx";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useUserUsage } from "../api/get-user-usage.ts";
import type { TAdminUser } from "../api/list-users.ts";
import { formatCount, formatDollars } from "./usage-format.ts";

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
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">AI usage per day and model</caption>
                  <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th scope="col" className="py-1.5 pr-3 font-medium">
                        Day
                      </th>
                      <th scope="col" className="py-1.5 pr-3 font-medium">
                        Model
                      </th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                        Requests
                      </th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                        Tokens
                      </th>
                      <th scope="col" className="py-1.5 text-right font-medium">
                        Cost
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.days.map((row) => (
                      <tr key={`${row.day}-${row.model}`}>
                        <td className="py-1.5 pr-3 tabular-nums">{row.day}</td>
                        <td className="py-1.5 pr-3">{row.model}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(row.requests)}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(row.tokens)}</td>
                        <td className="py-1.5 text-right tabular-nums">{formatDollars(row.cost)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </QueryState>
      )}
    </Dialog>
  );
};
