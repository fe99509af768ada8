import type { TMailLocale } from "@cto/mail/templates";

import { localMoment, type TAudience } from "../local-time.ts";

// The nudges' words, in the user's language (`preferences.locale`, the web app's: English or German, "du"
// as the app says it, its terms: Vorhaben, Frist, Bericht). Each names the user's own item: its title, its
// due time in their timezone, the streak's length.

type TDue = { title: string; dueAt: Date; updatedAt: Date; status: string };

const WORDS = {
  en: {
    commitment: (title: string, due: string, since: string) =>
      `Your commitment "${title}" is due ${due} and hasn't moved since ${since}. ` +
      "Is it still on? One small step today keeps it alive, or move it to a date you can keep.",
    deadline: (title: string, due: string, extended: boolean) =>
      `Deadline "${title}" is due ${due}` +
      (extended ? ", and it has been moved once already. " : ". ") +
      "What is the one thing that would get it done? Mark it done in Cto once it is.",
    checkIn: (days: number, last: string) =>
      `You haven't checked in for ${days} days (the last was ${last}). ` +
      "How are you doing today? A one-minute check-in keeps your coaching grounded in how you really are.",
    streak: (length: number, milestone: number) =>
      `${length} days in a row of check-ins${length === milestone ? "" : `, past the ${milestone}-day mark`}. ` +
      "That consistency is what makes coaching work: keep it going today.",
    report: (title: string | null) =>
      `${title ?? "Your new report"} is ready. Open Reports to see what changed and what to try next.`,
  },
  de: {
    commitment: (title: string, due: string, since: string) =>
      `Dein Vorhaben „${title}“ ist fällig am ${due} und hat sich seit ${since} nicht bewegt. ` +
      "Gilt es noch? Ein kleiner Schritt heute hält es am Leben, oder verschiebe es auf einen Termin, den du halten kannst.",
    deadline: (title: string, due: string, extended: boolean) =>
      `Die Frist „${title}“ endet am ${due}` +
      (extended ? " und wurde schon einmal verschoben. " : ". ") +
      "Was ist das eine, das sie erledigt? Hake sie in Cto ab, sobald sie es ist.",
    checkIn: (days: number, last: string) =>
      `Du hast seit ${days} Tagen nicht eingecheckt (zuletzt am ${last}). ` +
      "Wie geht es dir heute? Ein Check-in von einer Minute hält dein Coaching nah an dem, wie es dir wirklich geht.",
    streak: (length: number, milestone: number) =>
      `${length} Tage in Folge mit Check-ins${length === milestone ? "" : `, über der Marke von ${milestone} Tagen`}. ` +
      "Diese Beständigkeit lässt Coaching wirken: mach heute weiter.",
    report: (title: string | null) =>
      `${title ?? "Dein neuer Bericht"} ist fertig. Öffne Berichte, um zu sehen, was sich verändert hat und was du als Nächstes versuchen kannst.`,
  },
} satisfies Record<TMailLocale, unknown>;

export const commitmentText = ({ title, dueAt, updatedAt }: TDue, audience: TAudience) =>
  WORDS[audience.locale].commitment(title, localMoment(dueAt, audience, true), localMoment(updatedAt, audience, false));

export const deadlineText = ({ title, dueAt, status }: TDue, audience: TAudience) =>
  WORDS[audience.locale].deadline(title, localMoment(dueAt, audience, true), status === "EXTENDED");

export const checkInText = (last: Date, days: number, audience: TAudience) =>
  WORDS[audience.locale].checkIn(days, localMoment(last, audience, false));

export const streakText = (length: number, milestone: number, locale: TMailLocale) =>
  WORDS[locale].streak(length, milestone);

export const reportText = ({ title }: { title: string | null }, locale: TMailLocale) => WORDS[locale].report(title);
