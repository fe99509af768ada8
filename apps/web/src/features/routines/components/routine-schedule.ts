import { ROUTINE_DAYS } from "@cto/contracts/api/routines";

import { activeLocale, formatLocale, i18n } from "../../../lib/i18n/index.ts";
import type { TRoutine } from "../api/list-routines.ts";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"];

/** "Every Monday at 09:00", "Weekdays at 18:30", "Every day at 07:00", "Mon, Thu at 12:00". */
export const scheduleLabel = ({ days, time }: TRoutine["schedule"]) => {
  const ordered = ROUTINE_DAYS.filter((day) => days.includes(day));
  if (ordered.length === 7) return i18n.t("routines.schedule.everyDay", { time });
  if (ordered.length === 5 && ordered.every((day) => WEEKDAYS.includes(day)))
    return i18n.t("routines.schedule.weekdays", { time });
  if (ordered.length === 1)
    return i18n.t("routines.schedule.everyWeekday", { weekday: i18n.t(`routines.longDays.${ordered[0]!}`), time });
  const names = ordered.map((day) => i18n.t(`routines.days.${day}`)).join(", ");
  return i18n.t("routines.schedule.someDays", { days: names, time });
};

/** The next run in the routine's timezone (the user's), e.g. "Mon 30 Mar, 09:00 (Europe/Berlin)". */
export const nextRunLabel = (routine: Pick<TRoutine, "nextRunAt" | "timezone" | "enabled">) => {
  if (!routine.enabled || routine.nextRunAt === null) return i18n.t("routines.paused");
  // English keeps its day-month order ("Mon 30 Mar") whatever the browser's English; other languages their own.
  const at = new Intl.DateTimeFormat(activeLocale() === "en" ? "en-GB" : formatLocale(), {
    timeZone: routine.timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(routine.nextRunAt);
  return i18n.t("routines.schedule.next", { at, timezone: routine.timezone });
};
