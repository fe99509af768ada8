/** A due time as a reminder or a nudge writes it: in the user's timezone, in the format of their language. */
export const dueTimeIn = (dateLocale: "en-GB" | "de-DE", timeZone: string, at: Date) =>
  new Intl.DateTimeFormat(dateLocale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
