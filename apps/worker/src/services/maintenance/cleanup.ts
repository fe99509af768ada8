import type { Db } from "@cto/db/client";
import { deleteFinishedMail } from "@cto/mail/messages";

/** How long a sent or failed email's row is kept (its metadata: when, to whom, what the server said). */
export const MAIL_KEPT_MS = 30 * 24 * 3_600_000;

export type TCleanupCounts = {
  sessions: number;
  passwordResets: number;
  verificationTokens: number;
  telegramLinkTokens: number;
  telegramUnlinked: number;
  signInChallenges: number;
  passkeyChallenges: number;
  mailMessages: number;
};

/**
 * Deletes what can no longer be used: sessions past their idle or absolute expiry, password resets
 * that were used or expired, expired email verification tokens, and expired Telegram link tokens
 * (a connection that was never linked goes with its token; a linked one only loses the token), expired
 * two-factor sign-in challenges and passkey challenges (minutes long; an expired one can only be
 * refused), and emails sent or failed more than MAIL_KEPT_MS ago (an unsent one stays, whatever its age).
 * Each statement is idempotent, so a rerun after a crash just finds less to do.
 */
export const cleanupExpired = async ({ db, now = new Date() }: { db: Db; now?: Date }): Promise<TCleanupCounts> => {
  const sessions = await db.session.deleteMany({
    where: { OR: [{ expires: { lt: now } }, { absoluteExpiresAt: { lt: now } }] },
  });
  const passwordResets = await db.passwordReset.deleteMany({
    where: { OR: [{ used: true }, { expiresAt: { lt: now } }] },
  });
  const verificationTokens = await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  const expiredLink = { connectionToken: { not: null }, connectionTokenExpiresAt: { lt: now } };
  const telegramUnlinked = await db.telegramConnection.deleteMany({
    where: { ...expiredLink, isActive: false, telegramChatId: null },
  });
  const telegramLinkTokens = await db.telegramConnection.updateMany({
    where: expiredLink,
    data: { connectionToken: null, connectionTokenExpiresAt: null },
  });
  // Passkey challenges first: those of an expired sign-in challenge go with it (cascade), whatever their own expiry.
  const passkeyChallenges = await db.passkeyChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const signInChallenges = await db.signInChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const mailMessages = await deleteFinishedMail(db, { before: new Date(now.getTime() - MAIL_KEPT_MS) });
  return {
    sessions: sessions.count,
    passwordResets: passwordResets.count,
    verificationTokens: verificationTokens.count,
    telegramLinkTokens: telegramLinkTokens.count + telegramUnlinked.count,
    telegramUnlinked: telegramUnlinked.count,
    signInChallenges: signInChallenges.count,
    passkeyChallenges: passkeyChallenges.count,
    mailMessages,
  };
};
