/** The nudges' words: each names the user's own item (its title, its due time in their timezone, the streak's length). */

const formatters = new Map<string, Intl.DateTimeFormat>();
const format = (at: Date, timezone: string, withTime: boolean) => {
  const key = `${timezone}:${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(at);
};

type TDue = { title: string; dueAt: Date; updatedAt: Date; status: string };

export const commitmentText = ({ title, dueAt, updatedAt }: TDue, timezone: string) =>
  `Your commitment "${title}" is due ${format(dueAt, timezone, true)} and hasn't moved since ${format(updatedAt, timezone, false)}. ` +
  "Is it still on? One small step today keeps it alive, or move it to a date you can keep.";

export const deadlineText = ({ title, dueAt, status }: TDue, timezone: string) =>
  `Deadline "${title}" is due ${format(dueAt, timezone, true)}` +
  (status === "EXTENDED" ? ", and it has been moved once already. " : ". ") +
  "What is the one thing that would get it done? Mark it done in Cto once it is.";

export const checkInText = (last: Date, days: number, timezone: string) =>
  `You haven't checked in for ${days} days (the last was ${format(last, timezone, false)}). ` +
  "How are you doing today? A one-minute check-in keeps your coaching grounded in how you really are.";

export const streakText = (length: number, milestone: number) =>
  `${length} days in a row of check-ins${length === milestone ? "" : `, past the ${milestone}-day mark`}. ` +
  "That consistency is what makes coaching work: keep it going today.";

export const reportText = ({ title }: { title: string | null }) =>
  `${title ?? "Your new report"} is ready. Open Reports to see what changed and what to try next.`;
