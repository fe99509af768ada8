import type { Db } from "@cto/db/client";
import type { TReminderDueJob } from "@cto/contracts/queues";

import { localMoment, type TAudience } from "../local-time.ts";

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

const WORDS = {
  en: {
    due: (when: string) => ` — due ${when}`,
    commitment: (title: string, due: string) => `Reminder: you committed to "${title}"${due}. How is it going?`,
    deadline: (title: string, due: string) => `Deadline coming up: "${title}"${due}.`,
  },
  de: {
    due: (when: string) => `, fällig ${when}`,
    commitment: (title: string, due: string) => `Erinnerung: Du hast dir „${title}“ vorgenommen${due}. Wie läuft es?`,
    deadline: (title: string, due: string) => `Eine Frist naht: „${title}“${due}.`,
  },
} satisfies Record<TAudience["locale"], unknown>;

/**
 * The reminder's text, in the user's language (`preferences.locale`: the web app's terms, "du" in German),
 * with the due time in their own timezone.
 */
export const reminderText = (kind: TReminderDueJob["kind"], subject: TReminderSubject, audience: TAudience) => {
  const words = WORDS[audience.locale];
  const due = subject.dueAt ? words.due(localMoment(subject.dueAt, audience, true)) : "";
  return kind === "commitment" ? words.commitment(subject.title, due) : words.deadline(subject.title, due);
};
