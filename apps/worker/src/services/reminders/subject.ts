import type { Db } from "@cto/db/client";
import type { TReminderDueJob } from "@cto/contracts/queues";
import type { TMailLocale } from "@cto/mail/templates";

/** What a reminder is about, read fresh when it fires: the job's payload may be outdated. */
export type TReminderSubject = {
  title: string;
  dueAt: Date | null;
  remindAt: Date | null;
  open: boolean;
  goalId: string | null;
};

/** The commitment or deadline behind a reminder, deleted ones included (a deleted row is a closed one); null when gone. */
export const loadSubject = async (
  db: Db,
  { kind, entityId, userId }: TReminderDueJob,
): Promise<TReminderSubject | null> => {
  if (kind === "commitment") {
    const row = await db.commitment.findFirst({ where: { id: entityId, userId } });
    return (
      row && {
        title: row.title,
        dueAt: row.dueAt,
        remindAt: row.remindAt,
        open: row.status === "PENDING" || row.status === "SCHEDULED",
        goalId: row.goalId,
      }
    );
  }
  // Naming deletedAt (undefined: any value) keeps the client's soft-delete guard out, so a trashed deadline reads as closed, not missing.
  const row = await db.deadline.findFirst({ where: { id: entityId, userId, deletedAt: undefined } });
  return (
    row && {
      title: row.title,
      dueAt: row.dueAt,
      remindAt: row.reminderAt,
      open: !row.deletedAt && (row.status === "PENDING" || row.status === "EXTENDED"),
      goalId: null,
    }
  );
};

// Building a formatter costs far more than formatting with one: one per language and timezone (a checked name), kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
const when = (at: Date, timezone: string, locale: TMailLocale) => {
  const key = `${locale}:${timezone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
      timeZone: timezone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(key, format);
  }
  return format.format(at);
};

/**
 * The reminder's text, in the user's language (`preferences.locale`: the web app's terms, "du" in German),
 * with the due time in their own timezone.
 */
export const reminderText = (
  kind: TReminderDueJob["kind"],
  subject: TReminderSubject,
  timezone: string,
  locale: TMailLocale,
) => {
  if (locale === "de") {
    const due = subject.dueAt ? `, fällig ${when(subject.dueAt, timezone, locale)}` : "";
    return kind === "commitment"
      ? `Erinnerung: Du hast dir „${subject.title}“ vorgenommen${due}. Wie läuft es?`
      : `Eine Frist naht: „${subject.title}“${due}.`;
  }
  const due = subject.dueAt ? ` — due ${when(subject.dueAt, timezone, locale)}` : "";
  return kind === "commitment"
    ? `Reminder: you committed to "${subject.title}"${due}. How is it going?`
    : `Deadline coming up: "${subject.title}"${due}.`;
};
