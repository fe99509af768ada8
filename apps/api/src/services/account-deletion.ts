import { documentStorageKey } from "@cto/contracts/queues";
import { refreshAchievementScores } from "@cto/core/achievements";
import type { Db } from "@cto/db/client";
import { verifyPassword } from "@cto/db/password";
import { purgeJobsNaming } from "@cto/queue/purge";
import { withinTimeout, type TQueues } from "@cto/queue/queues";
import type { TStorage } from "@cto/storage/storage";

import { ApiError } from "../errors.ts";
import { NO_AUTH_CACHE, type TAuthCache } from "../lib/auth-cache.ts";
import type { TSharedCache } from "../lib/shared-cache.ts";
import { screenshotKey } from "./analysis/screenshot.ts";
import { beginSignIn, type TAuthLimiters } from "./auth-limits.ts";
import { forgetUserContext } from "./coaching/profile.ts";

type TWarn = { warn: (details: object, message: string) => void };

/** Longest a deletion waits on Redis to purge jobs; what is left then goes in the worker's hourly sweep. */
export const JOB_PURGE_TIMEOUT_MS = 10_000;

/**
 * Deletes an account and everything it owns (the database cascades), then what the cascade cannot
 * reach: uploaded screenshots and documents, and every queued or finished job that names the user or one of the
 * user's messages. Failures there are logged, not answered: the account is already gone, and the
 * worker's hourly sweep removes jobs whose user no longer exists (@cto/queue/purge).
 */
type TDeletion = {
  db: Db;
  storage: TStorage;
  queues: TQueues | null;
  limiters: TAuthLimiters;
  log: TWarn;
  userId: string;
  password: string | undefined;
  browserToken: string | undefined;
  authCache?: TAuthCache;
  sharedCache?: TSharedCache;
};

export const deleteAccount = async ({
  db,
  storage,
  queues,
  limiters,
  log,
  userId,
  password,
  browserToken,
  authCache = NO_AUTH_CACHE,
  sharedCache,
}: TDeletion) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.passwordHash) {
    // The confirmation is a password check like a sign-in, and counts against the same limit.
    const attempt = await beginSignIn({ limiters, email: user.email, browserToken });
    if (!(password && (await verifyPassword(user.passwordHash, password))))
      throw new ApiError("forbidden", "Confirm with your password to delete your account.");
    await attempt.succeeded();
  }
  const screenshots = await db.analysisSession.findMany({
    where: { userId, type: "SCREENSHOT" },
    select: { id: true, userId: true },
  });
  // Uploaded documents the worker has not read yet still have their file in storage.
  const documents = await db.document.findMany({
    where: { userId, status: { in: ["PENDING", "PROCESSING"] } },
    select: { id: true },
  });
  // Telegram delivery jobs name a message, not its user.
  const messages = await db.proactiveMessage.findMany({ where: { userId }, select: { id: true } });
  const [sessions, keys] = await Promise.all([
    db.session.findMany({ where: { userId }, select: { sessionToken: true } }),
    db.apiKey.findMany({ where: { userId }, select: { keyHash: true } }),
  ]);
  // The cascade takes the user's likes: the authors they counted for lose those points.
  const likedAuthors = await db.post.findMany({
    where: { likes: { some: { userId } }, authorId: { not: userId } },
    select: { authorId: true },
    distinct: ["authorId"],
  });
  await db.user.delete({ where: { id: userId } });
  await refreshAchievementScores(
    db,
    likedAuthors.map((post) => post.authorId),
  );
  // The cascade took the sessions and keys; no instance may go on answering for them from its cache.
  await authCache.forget([...sessions.map((session) => session.sessionToken), ...keys.map((key) => key.keyHash)]);
  // The cached profile is personal data too: it goes with the account, not when its entry expires.
  await forgetUserContext(sharedCache, userId);
  for (const key of [
    ...screenshots.map(screenshotKey),
    ...documents.map((document) => documentStorageKey(userId, document.id)),
  ])
    await storage
      .delete(key)
      .catch((error: unknown) => log.warn({ err: error, key }, "could not delete an uploaded file"));
  // Redis known to be down: nothing to wait for; the sweep finds the jobs once it is back.
  if (!queues || queues.available?.() === false) return;
  try {
    const { busy } = await withinTimeout(
      purgeJobsNaming(queues, [userId, ...messages.map((message) => message.id)]),
      JOB_PURGE_TIMEOUT_MS,
    );
    if (busy) log.warn({ busy }, "jobs of a deleted account were running; the hourly sweep removes their records");
  } catch (error) {
    log.warn({ err: error }, "could not purge a deleted account's jobs; the hourly sweep removes them");
  }
};
