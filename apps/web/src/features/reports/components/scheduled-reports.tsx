import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { type TUserSchedule, useSchedules, useUpdateSchedule } from "../api/schedules.ts";

const TITLES: Record<TUserSchedule["kind"], string> = {
  weekly_report: "Weekly report",
  consistency: "Consistency scores",
  story: "Weekly story",
};

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Every Monday at 08:00", "Every day at 01:00". */
export const cadenceLabel = ({ weekday, hour }: Pick<TUserSchedule, "weekday" | "hour">) =>
  `${weekday === null ? "Every day" : `Every ${WEEKDAYS[weekday - 1]}`} at ${String(hour).padStart(2, "0")}:00`;

/** The next run in the user's timezone, e.g. "Next: Mon 30 Mar, 08:00 (Europe/Berlin)"; "Paused" when paused. */
export const nextRunLabel = ({
  paused,
  nextRunAt,
  timezone,
}: Pick<TUserSchedule, "paused" | "nextRunAt" | "timezone">) => {
  if (paused || nextRunAt === null) return "Paused";
  const at = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(nextRunAt);
  return `Next: ${at} (${timezone})`;
};

const ScheduleRow = ({ schedule }: { schedule: TUserSchedule }) => {
  const update = useUpdateSchedule();
  const toast = useToast();
  const title = TITLES[schedule.kind];
  return (
    <li data-testid="schedule-row" className="flex flex-wrap items-start justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{title}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <Badge tone={schedule.paused ? "neutral" : "success"}>{schedule.paused ? "Paused" : "Active"}</Badge>
          <span>{cadenceLabel(schedule)}</span>
          <span aria-hidden="true">·</span>
          <span>{nextRunLabel(schedule)}</span>
        </div>
        {schedule.lastError && <p className="mt-1 text-xs text-red-700">The last run failed: {schedule.lastError}</p>}
      </div>
      <Button
        variant="ghost"
        size="sm"
        disabled={update.isPending}
        aria-label={`${schedule.paused ? "Resume" : "Pause"} ${title.toLowerCase()}`}
        onClick={() =>
          update.mutate(
            { id: schedule.id, body: { paused: !schedule.paused } },
            {
              onSuccess: (saved) => toast.show(`${title} ${saved.paused ? "paused" : "resumed"}`),
              onError: (error) => toast.show(error.message, "error"),
            },
          )
        }
      >
        {schedule.paused ? "Resume" : "Pause"}
      </Button>
    </li>
  );
};

/** "Scheduled reports": what Cto writes for the user on its own, each of which they can pause and resume. */
export const ScheduledReports = () => {
  const schedules = useSchedules();
  return (
    <Card data-testid="scheduled-reports" className="mt-6">
      <CardHeader
        title="Scheduled reports"
        description="Written for you at these local times. Pausing the weekly report also pauses the 2- and 21-day ones; pausing the story pauses the monthly one."
      />
      {schedules.isPending ? (
        <LoadingBlock lines={3} label="Loading your schedules…" />
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
