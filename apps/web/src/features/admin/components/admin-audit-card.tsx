import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type TAdminAuditEntry, useAdminAudit } from "../api/get-admin-audit.ts";
import { i18n, Trans, useTranslation } from "../../../lib/i18n/index.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";

/** "disabled the account", "made them admin": an entry's change in words. */
const describe = ({ before, after }: TAdminAuditEntry) =>
  Object.keys(after)
    .map((field) => {
      if (field === "isActive") return i18n.t(after[field] ? "admin.audit.reEnabled" : "admin.audit.disabled");
      if (field === "role")
        return i18n.t("admin.audit.roleChanged", {
          from: enumLabel("admin.users.roles", String(before[field])),
          to: enumLabel("admin.users.roles", String(after[field])),
        });
      return i18n.t("admin.audit.changed", { field });
    })
    .join(i18n.t("admin.audit.and"));

const who = (account: TAdminAuditEntry["actor"]) =>
  account.email ?? i18n.t("admin.audit.deletedAccount", { id: account.id.slice(0, 8) });

/** The admin audit log: every change administrators made to accounts, newest first. */
export const AdminAuditCard = () => {
  const audit = useAdminAudit();
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="admin-audit-title">
      <CardHeader
        title={<span id="admin-audit-title">{t("admin.audit.title")}</span>}
        description={t("admin.audit.description")}
      />
      {audit.isPending ? (
        <LoadingBlock lines={3} label={t("admin.audit.loading")} />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t("admin.audit.empty")} />
      ) : (
        <>
          <ul aria-label={t("admin.audit.title")} className="divide-y divide-slate-100 text-sm">
            {entries.map((entry) => (
              <li key={entry.id} className="py-2">
                <Trans
                  i18nKey="admin.audit.entry"
                  values={{ actor: who(entry.actor), change: describe(entry), target: who(entry.target) }}
                  components={{ b: <span className="font-medium text-slate-900" /> }}
                />
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
