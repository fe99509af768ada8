import type { Db } from "@cto/db/client";
import { mailLocaleOf, type TMailLocale } from "@cto/mail/templates";

import { ApiError } from "../errors.ts";
import { hashToken, newToken } from "../lib/tokens.ts";
import type { TPostman } from "./mailer.ts";

const VERIFY_TTL_MS = 24 * 3_600_000;

/** Emails a 24-hour link that verifies the account's address (at sign-up, and when asked again). */
export const sendVerificationEmail = async ({
  db,
  postman,
  webOrigin,
  user,
  requestedLocale,
}: {
  db: Db;
  postman: TPostman;
  webOrigin: string;
  /** `preferences` picks the email's language (the app's); a new account has none yet: `requestedLocale`. */
  user: { id: string; email: string; name: string | null; preferences?: unknown };
  /** The language the request's browser asks for (`requestedMailLocale`). */
  requestedLocale?: TMailLocale;
}) => {
  const token = newToken();
  await db.verificationToken.create({
    data: { identifier: user.email, token: hashToken(token), expires: new Date(Date.now() + VERIFY_TTL_MS) },
  });
  await postman.post({
    userId: user.id,
    to: user.email,
    template: {
      kind: "VERIFY_EMAIL",
      locale: mailLocaleOf(user.preferences, requestedLocale),
      name: user.name,
      link: `${webOrigin}/verify-email?token=${token}`,
    },
  });
};

/** The signed-in user's verification link again; refused once the address is verified. */
export const requestEmailVerification = async ({
  db,
  postman,
  webOrigin,
  userId,
  beforeSending,
  requestedLocale,
}: {
  db: Db;
  postman: TPostman;
  webOrigin: string;
  userId: string;
  beforeSending: (email: string) => Promise<unknown>;
  requestedLocale?: TMailLocale;
}) => {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, preferences: true, emailVerified: true },
  });
  if (user.emailVerified) throw new ApiError("invalid_state", "Your email address is already verified.");
  await beforeSending(user.email);
  await sendVerificationEmail({ db, postman, webOrigin, user, requestedLocale });
};

/** Verifies the address a token was sent to; the token works once, and only before it expires (400 otherwise). */
export const verifyEmail = async ({ db, token }: { db: Db; token: string }) => {
  const hashed = hashToken(token);
  const verified = await db.$transaction(async (tx) => {
    const row = await tx.verificationToken.findUnique({ where: { token: hashed } });
    if (!row) return false;
    await tx.verificationToken.delete({ where: { token: hashed } });
    if (row.expires.getTime() <= Date.now()) return false;
    return (
      (
        await tx.user.updateMany({
          where: { email: row.identifier, emailVerified: null },
          data: { emailVerified: new Date() },
        })
      ).count > 0
    );
  });
  if (!verified) throw new ApiError("bad_request", "This verification link is invalid or expired.");
};
