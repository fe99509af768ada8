import type { TMailLocale } from "@cto/mail/templates";

/** Whom a reminder or a nudge is written for: their timezone and their language (`preferences.locale`). */
export type TAudience = { timezone: string; locale: TMailLocale };

const DATE_LOCALES: Record<TMailLocale, string> = { en: "en-GB", de: "de-DE" };

// Building a formatter costs far more than formatting with one: one per language, timezone (a checked
// name) and shape, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as reminders and nudges write it ("Tue 8 Dec, 17:00", "Di., 8. Dez., 17:00"): in the reader's
 * timezone and their language's format, with the time of day or the day alone.
 */
export const localMoment = (at: Date, { timezone, locale }: TAudience, withTime: boolean) => {
  const key = `${locale}:${timezone}:${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(DATE_LOCALES[locale], {
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
