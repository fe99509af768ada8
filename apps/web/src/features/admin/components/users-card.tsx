import { useDeferredValue, useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { LoadMore } from "../../../components/ui/load-more.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { type TAdminUser, useUsers } from "../api/list-users.ts";
import { type TUserChange, useUpdateUser } from "../api/update-user.ts";
import { formatCount, formatDollars } from "./usage-format.ts";
import { UserUsageDialog } from "./user-usage-dialog.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

const HEADERS = ["account", "role", "status", "created", "lastSeen", "requests", "cost", "actions"] as const;

/**
 * Every account: search by address, disable or re-enable, change the role, see AI usage (never content).
 * Your own row cannot be disabled or demoted: the API refuses it (400), so the controls are off.
 */
export const UsersCard = ({ selfId }: { selfId: string }) => {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const users = useUsers(q);
  const update = useUpdateUser();
  const toast = useToast();
  const { t } = useTranslation();
  const [usageOf, setUsageOf] = useState<TAdminUser | null>(null);
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const change = (user: TAdminUser, body: TUserChange, done: string) =>
    update.mutate(
      { id: user.id, change: body },
      {
        onSuccess: () => toast.show(done),
        onError: (error) => toast.show(errorMessage(error), "error"),
      },
    );
  const busy = (user: TAdminUser) => update.isPending && update.variables?.id === user.id;
  return (
    <Card aria-labelledby="users-title">
      <CardHeader
        title={<span id="users-title">{t("admin.users.title")}</span>}
        description={t("admin.users.description")}
      />
      <Field label={t("admin.users.search")} className="mb-4 max-w-sm">
        <Input type="search" value={search} maxLength={320} onChange={(event) => setSearch(event.target.value)} />
      </Field>
      {users.isPending ? (
        <LoadingBlock lines={5} label={t("admin.users.loading")} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("admin.users.empty")} />
      ) : (
        <div className={users.isFetching && !users.isFetchingNextPage ? "opacity-60" : undefined}>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] text-left text-sm">
              <caption className="sr-only">{t("admin.users.title")}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  {HEADERS.map((header) => (
                    <th
                      key={header}
                      scope="col"
                      className={`py-2 pr-3 font-medium ${header === "requests" || header === "cost" ? "text-right" : ""}`}
                    >
                      {t(`admin.columns.${header}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((user) => {
                  const self = user.id === selfId;
                  return (
                    <tr key={user.id}>
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <span className="block font-medium text-slate-900">{user.email}</span>
                        {user.name && <span className="block text-xs text-slate-500">{user.name}</span>}
                      </th>
                      <td className="py-2 pr-3">
                        <Select
                          aria-label={t("admin.users.roleOf", { email: user.email })}
                          value={user.role}
                          disabled={self || busy(user)}
                          onChange={(event) => {
                            const role = event.target.value as TAdminUser["role"];
                            change(
                              user,
                              { role },
                              t(role === "admin" ? "admin.users.nowAdmin" : "admin.users.nowUser", {
                                email: user.email,
                              }),
                            );
                          }}
                        >
                          <option value="user">{t("admin.users.roles.user")}</option>
                          <option value="admin">{t("admin.users.roles.admin")}</option>
                        </Select>
                      </td>
                      <td className="py-2 pr-3">
                        {user.isActive ? (
                          <Badge tone="success">{t("admin.users.active")}</Badge>
                        ) : (
                          <Badge tone="danger">{t("admin.users.disabled")}</Badge>
                        )}
                      </td>
                      <td className="py-2 pr-3 tabular-nums">{formatDate(user.createdAt)}</td>
                      <td className="py-2 pr-3">
                        {user.lastSeenAt ? formatRelative(user.lastSeenAt) : t("admin.users.never")}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatCount(user.usage.requests)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatDollars(user.usage.cost)}</td>
                      <td className="py-2">
                        <div className="flex gap-2">
                          <Button size="sm" variant="secondary" onClick={() => setUsageOf(user)}>
                            {t("admin.users.usage")}
                            <span className="sr-only">{t("admin.users.usageOf", { email: user.email })}</span>
                          </Button>
                          {self ? (
                            <Badge tone="brand">{t("admin.users.you")}</Badge>
                          ) : (
                            <Button
                              size="sm"
                              variant="secondary"
                              loading={busy(user)}
                              onClick={() =>
                                change(
                                  user,
                                  { isActive: !user.isActive },
                                  t(user.isActive ? "admin.users.disabledToast" : "admin.users.enabledToast", {
                                    email: user.email,
                                  }),
                                )
                              }
                            >
                              {t(user.isActive ? "admin.users.disable" : "admin.users.enable")}
                              <span className="sr-only"> {user.email}</span>
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <LoadMore query={users} />
        </div>
      )}
      <UserUsageDialog user={usageOf} onClose={() => setUsageOf(null)} />
    </Card>
  );
};
