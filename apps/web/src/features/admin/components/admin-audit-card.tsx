import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type TAdminAuditEntry, useAdminAudit } from "../api/get-admin-audit.ts";

/** "disabled the account", "made them admin": an entry's change in words. */
const describe = ({ before, after }: TAdminAuditEntry) =>
  Object.keys(after)
    .map((field) => {
      if (field === "isActive") return after[field] ? "re-enabled the account" : "disabled the account";
      if (field === "role") return `changed the role from ${String(before[field])} to ${String(after[field])}`;
      return `changed ${field}`;
    })
    .join(" and ");

const who = (account: TAdminAuditEntry["actor"]) => account.email ?? `deleted account ${account.id.slice(0, 8)}`;

/** The admin audit log: every change administrators made to accounts, newest first. */
export const AdminAuditCard = () => {
  const audit = useAdminAudit();
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card aria-labelledby="admin-audit-title">
      <CardHeader
        title={<span id="admin-audit-title">Changes to accounts</span>}
        description="Every administrator's change, kept for good."
      />
      {audit.isPending ? (
        <LoadingBlock lines={3} label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title="No changes yet" />
      ) : (
        <>
          <ul aria-label="Changes to accounts" className="divide-y divide-slate-100 text-sm">
            {entries.map((entry) => (
              <li key={entry.id} className="py-2">
                <span className="font-medium text-slate-900">{who(entry.actor)}</span> {describe(entry)} of{" "}
                <span className="font-medium text-slate-900">{who(entry.target)}</span>
                <span className="block text-xs text-slate-500">{formatDateTime(entry.createdAt)}</span>
              </li>
            ))}
          </ul>
          <LoadMore query={audit} />
        </>
      )}
    </Card>
  );
};
