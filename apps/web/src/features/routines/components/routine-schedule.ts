import { ROUTINE_DAYS } from "@cto/contracts/api/routines";

import type { TRoutine } from "../api/list-routines.ts";
import { DAY_LABELS } from "./routine-form.tsx";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"];

/** "Every Monday at 09:00", "Weekdays at 18:30", "Every day at 07:00", "Mon, Thu at 12:00". */
export const scheduleLabel = ({ days, time }: TRoutine["schedule"]) => {
  const ordered = ROUTINE_DAYS.filter((day) => days.includes(day));
  if (ordered.length === 7) return `Every day at ${time}`;
  if (ordered.length === 5 && ordered.every((day) => WEEKDAYS.includes(day))) return `Weekdays at ${time}`;
  if (ordered.length === 1) {
    const long = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" });
    // 2024-01-01 was a Monday: day i of the week is i days later.
    return `Every ${long.format(Date.UTC(2024, 0, 1 + ROUTINE_DAYS.indexOf(ordered[0]!)))} at ${time}`;
  }
  return `${ordered.map((day) => DAY_LABELS[day]).join(", ")} at ${time}`;
};

/** The next run in the routine's timezone (the user's), e.g. "Mon 30 Mar, 09:00 (Europe/Berlin)". */
export const nextRunLabel = (routine: Pick<TRoutine, "nextRunAt" | "timezone" | "enabled">) => {
  if (!routine.enabled || routine.nextRunAt === null) return "Paused";
  const at = new Intl.DateTimeFormat("en-GB", {
    timeZone: routine.timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(routine.nextRunAt);
  return `Next: ${at} (${routine.timezone})`;
};
