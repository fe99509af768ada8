import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { EmptyState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useNotifications, type TNotification } from "../api/list-notifications.ts";
import { useUpdateNotification, type TNotificationAction } from "../api/update-notification.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";

const deliveryBadge = (item: TNotification, telegramLinked: boolean) => {
  // No chat to send to: nothing failed, there is just no channel yet (it shows here instead).
  if (item.channel === "telegram" && !telegramLinked && (item.status === "failed" || item.status === "pending"))
    return <Badge>{i18n.t("notificationStates.telegramNotLinked")}</Badge>;
  if (item.status === "failed") return <Badge tone="danger">{i18n.t("notificationStates.notDelivered")}</Badge>;
  if (item.status === "pending") return <Badge tone="warning">{i18n.t("notificationStates.scheduled")}</Badge>;
  if (item.status === "cancelled") return <Badge>{i18n.t("notificationStates.cancelled")}</Badge>;
  return (
    <Badge tone="success">
      {i18n.t(item.channel === "telegram" ? "notificationStates.sentTelegram" : "notificationStates.delivered")}
    </Badge>
  );
};

export const NotificationsCard = () => {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const update = useUpdateNotification();
  const toast = useToast();
  const act = (id: string, action: TNotificationAction) =>
    update.mutate(
      { id, action },
      {
        onSuccess: () =>
          toast.show(t(action === "acted" ? "notificationStates.markedDone" : "notificationStates.markedSeen")),
        onError: (error) => toast.show(errorMessage(error), "error"),
      },
    );

  return (
    <Card aria-labelledby="notifications-card-title">
      <CardHeader
        title={<span id="notifications-card-title">{t("dashboard.notifications.title")}</span>}
        description={t("dashboard.notifications.description")}
      />
      <QueryState
        query={notifications}
        isEmpty={(page) => !page.items.length}
        empty={
          <EmptyState
            title={t("dashboard.notifications.emptyTitle")}
            description={t("dashboard.notifications.emptyDescription")}
          />
        }
      >
        {(page) => (
          <ul className="divide-y divide-slate-100">
            {page.items.map((item) => {
              const busy = update.isPending && update.variables?.id === item.id;
              return (
                <li key={item.id} className="py-3" aria-label={item.content}>
                  <div className="flex items-start justify-between gap-3">
                    <p className={item.seenAt ? "text-sm text-slate-600" : "text-sm font-medium text-slate-900"}>
                      {!item.seenAt && (
                        <>
                          <span
                            className="mr-2 inline-block size-2 rounded-full bg-brand-500 align-middle"
                            aria-hidden="true"
                          />
                          <span className="sr-only">{t("notificationStates.unseen")}</span>
                        </>
                      )}
                      {item.content}
                    </p>
                    {deliveryBadge(item, page.telegramLinked)}
                  </div>
                  <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <span>{formatRelative(item.createdAt)}</span>
                    {item.actedAt ? (
                      <Badge tone="success">{t("notificationStates.done")}</Badge>
                    ) : (
                      <>
                        {!item.seenAt && (
                          <Button size="sm" variant="ghost" disabled={busy} onClick={() => act(item.id, "seen")}>
                            {t("notificationStates.markSeen")}
                          </Button>
                        )}
                        <Button size="sm" variant="secondary" disabled={busy} onClick={() => act(item.id, "acted")}>
                          {t("notificationStates.done")}
                        </Button>
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </Card>
  );
};
