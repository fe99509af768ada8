import type { TUnsubscribeResult } from "@cto/contracts/api/unsubscribe";
import type { Db } from "@cto/db/client";
import { hashUnsubscribeToken, unsubscribeListOf } from "@cto/mail/unsubscribe";

import { ApiError } from "../errors.ts";

const INVALID = "This unsubscribe link is invalid or has expired. Turn nudge emails off in Settings instead.";

/**
 * Turns a list's emails off for the user an unsubscribe token was made for (its hash is stored on the
 * email's mail_messages row, which is kept 30 days after sending: that is how long a link works). The
 * token alone decides whose switch moves; a malformed, forged or expired one changes nothing. Repeating it
 * is harmless: the switch is already off.
 */
export const unsubscribe = async ({ db, token }: { db: Db; token: string }): Promise<TUnsubscribeResult> => {
  const list = unsubscribeListOf(token);
  if (!list) throw new ApiError("bad_request", INVALID);
  const hash = hashUnsubscribeToken(token);
  const mail = await db.mailMessage.findUnique({
    where: { unsubscribeToken: hash },
    select: { userId: true, kind: true },
  });
  if (mail?.kind !== "COACH_NUDGE") throw new ApiError("bad_request", INVALID);
  // One statement (no read-modify-write race with a settings save): coachNudges.channels.email = false,
  // every other preference as stored.
  await db.$executeRaw`
    UPDATE users SET preferences = jsonb_set(
      CASE WHEN jsonb_typeof(preferences) = 'object' THEN preferences ELSE '{}'::jsonb END,
      '{coachNudges}',
      CASE WHEN jsonb_typeof(preferences->'coachNudges') = 'object' THEN preferences->'coachNudges' ELSE '{}'::jsonb END
        || jsonb_build_object('channels',
          CASE WHEN jsonb_typeof(preferences->'coachNudges'->'channels') = 'object'
            THEN preferences->'coachNudges'->'channels' ELSE '{}'::jsonb END || '{"email": false}'::jsonb)
    ), updated_at = now()
    WHERE id = ${mail.userId}::uuid`;
  // Nudge emails written but not yet taken by a sender are dropped and their nudges cancelled: "stop" means
  // now. One a sender holds goes out (it may be on the wire already); this link's own email is kept, so the
  // link keeps working.
  await db.$executeRaw`
    WITH dropped AS (
      DELETE FROM mail_messages
      WHERE user_id = ${mail.userId}::uuid AND kind = 'COACH_NUDGE' AND status = 'PENDING'
        AND (claimed_until IS NULL OR claimed_until < now()) AND unsubscribe_token <> ${hash}
      RETURNING proactive_message_id)
    UPDATE proactive_messages SET status = 'CANCELLED', updated_at = now()
    WHERE id IN (SELECT proactive_message_id FROM dropped) AND status = 'PENDING'`;
  return { status: "unsubscribed", list };
};
