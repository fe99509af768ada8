import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { activeLocale, formatLocale, i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { type TUserSchedule, useSchedules, useUpdateSchedule } from "../api/schedules.ts";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** "Every Monday at 08:00", "Every day at 01:00". */
export const cadenceLabel = ({ weekday, hour }: Pick<TUserSchedule, "weekday" | "hour">) => {
  const at = String(hour).padStart(2, "0");
  const day = weekday === null ? undefined : WEEKDAYS[weekday - 1];
  return day
    ? i18n.t("reports.schedules.everyWeekday", { weekday: i18n.t(`reports.schedules.weekdays.${day}`), hour: at })
    : i18n.t("reports.schedules.everyDay", { hour: at });
};

/** The next run in the user's timezone, e.g. "Next: Mon 30 Mar, 08:00 (Europe/Berlin)"; "Paused" when paused. */
export const nextRunLabel = ({
  paused,
  nextRunAt,
  timezone,
}: Pick<TUserSchedule, "paused" | "nextRunAt" | "timezone">) => {
  if (paused || nextRunAt === null) return i18n.t("reports.schedules.paused");
  // English keeps its day-month order ("Mon 30 Mar") whatever the browser's English; other languages their own.
  const at = new Intl.DateTimeFormat(activeLocale() === "en" ? "en-GB" : formatLocale(), {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(nextRunAt);
  return i18n.t("reports.schedules.next", { at, timezone });
};

const ScheduleRow = ({ schedule }: { schedule: TUserSchedule }) => {
  const { t } = useTranslation();
  const update = useUpdateSchedule();
  const toast = useToast();
  const title = t(`reports.schedules.kinds.${schedule.kind}`);
  return (
    <li data-testid="schedule-row" className="flex flex-wrap items-start justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{title}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <Badge tone={schedule.paused ? "neutral" : "success"}>
            {schedule.paused ? t("reports.schedules.paused") : t("reports.schedules.active")}
          </Badge>
          <span>{cadenceLabel(schedule)}</span>
          <span aria-hidden="true">·</span>
          <span>{nextRunLabel(schedule)}</span>
        </div>
        {schedule.lastError && (
          <p className="mt-1 text-xs text-red-700">{t("reports.schedules.lastError", { error: schedule.lastError })}</p>
        )}
      </div>
      <Button
        variant="ghost"
        size="sm"
        disabled={update.isPending}
        aria-label={
          schedule.paused
            ? t(`reports.schedules.resumeLabel.${schedule.kind}`)
            : t(`reports.schedules.pauseLabel.${schedule.kind}`)
        }
        onClick={() =>
          update.mutate(
            { id: schedule.id, body: { paused: !schedule.paused } },
            {
              onSuccess: (saved) =>
                toast.show(
                  saved.paused
                    ? t("reports.schedules.pausedToast", { title })
                    : t("reports.schedules.resumedToast", { title }),
                ),
              onError: (error) => toast.show(error.message, "error"),
            },
          )
        }
      >
        {schedule.paused ? t("reports.schedules.resume") : t("reports.schedules.pause")}
      </Button>
    </li>
  );
};

/** "Scheduled reports": what Cto writes for the user on its own, each of which they can pause and resume. */
export const ScheduledReports = () => {
  const { t } = useTranslation();
  const schedules = useSchedules();
  return (
    <Card data-testid="scheduled-reports" className="mt-6">
      <CardHeader title={t("reports.schedules.title")} description={t("reports.schedules.description")} />
      {schedules.isPending ? (
        <LoadingBlock lines={3} label={t("reports.schedules.loading")} />
      ) : schedules.isError ? (
        <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {schedules.data.map((schedule) => (
            <ScheduleRow key={schedule.id} schedule={schedule} />
          ))}
        </ul>
      )}
    </Card>
  );
};
