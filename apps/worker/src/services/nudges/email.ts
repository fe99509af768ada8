import { mailSendJobId } from "@cto/contracts/queues";
import { type Db, queryRows, type TRawQuery } from "@cto/db/client";
import { mailLocaleOf, renderMail } from "@cto/mail/templates";
import { newUnsubscribeToken, unsubscribeHeaders, unsubscribeLinks } from "@cto/mail/unsubscribe";
import type { TQueues } from "@cto/queue/queues";

/** What the email channel needs: the web app's public origin for its links, and the queue that sends. */
export type TNudgeEmail = { webOrigin: string; queues?: Pick<TQueues, "enqueue"> };

/** `locale`: preferences.locale as stored (null when unset), the language of the user's emails. */
type TRecipient = { id: string; email: string; name: string | null; locale: string | null };

/**
 * Who can be emailed: only a verified address. An unverified one may be a typo or someone else's, and a
 * nudge names the user's own commitments and deadlines; its owner verifies it first (Settings).
 */
export const emailRecipients = async (db: Db, userIds: string[]) => {
  if (userIds.length === 0) return new Map<string, TRecipient>();
  const rows = await queryRows<TRecipient>(
    db,
    `SELECT id, email, name, preferences->>'locale' AS locale FROM users WHERE id = ANY($1::uuid[]) AND email_verified IS NOT NULL AND is_active`,
    [userIds],
  );
  return new Map(rows.map((row) => [row.id, row]));
};

// The email rides on its ProactiveMessage (EMAIL, PENDING): the mail row's status carries it to SENT or FAILED.
const MAIL_SQL = `
INSERT INTO mail_messages
  (user_id, kind, to_address, subject, text_body, html_body, headers, proactive_message_id, unsubscribe_token, updated_at)
SELECT m.user_id, 'COACH_NUDGE'::mail_kind, m.to_address, m.subject, m.text_body, m.html_body, m.headers,
  m.proactive_message_id, m.unsubscribe_token, now()
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::uuid[], $8::text[])
  AS m(user_id, to_address, subject, text_body, html_body, headers, proactive_message_id, unsubscribe_token)
RETURNING id`;

/** Writes one email per new EMAIL nudge, in the transaction that wrote the nudges (neither exists without the other). */
export const writeNudgeEmails = async (
  query: TRawQuery,
  written: Array<{ id: string; userId: string; content: string }>,
  recipients: Map<string, TRecipient>,
  webOrigin: string,
) => {
  if (written.length === 0) return [];
  const mails = written.map((nudge) => {
    const recipient = recipients.get(nudge.userId)!;
    const { token, hash } = newUnsubscribeToken("nudges");
    const links = unsubscribeLinks(webOrigin, token);
    const mail = renderMail({
      kind: "COACH_NUDGE",
      locale: mailLocaleOf({ locale: recipient.locale }),
      name: recipient.name,
      content: nudge.content,
      settingsLink: `${webOrigin.replace(/\/+$/, "")}/settings`,
      unsubscribeLink: links.page,
    });
    return { nudge, recipient, mail, headers: unsubscribeHeaders(links.oneClick), hash };
  });
  const rows = await query<{ id: string }>(MAIL_SQL, [
    mails.map((row) => row.nudge.userId),
    mails.map((row) => row.recipient.email),
    mails.map((row) => row.mail.subject),
    mails.map((row) => row.mail.text),
    mails.map((row) => row.mail.html),
    mails.map((row) => JSON.stringify(row.headers)),
    mails.map((row) => row.nudge.id),
    mails.map((row) => row.hash),
  ]);
  return rows.map((row) => row.id);
};

/** Hands the emails to the mail queue; one Redis did not take waits for mail/sweep (the row is already written). */
export const queueNudgeEmails = async (queues: TNudgeEmail["queues"], ids: string[]) => {
  if (!queues) return;
  for (const id of ids)
    await queues.enqueue("mail", "send", { mailMessageId: id }, { jobId: mailSendJobId(id) }).catch(() => undefined);
};
