import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { cleanupExpired } from "../src/services/maintenance/cleanup.ts";

const HOUR = 3_600_000;

for (const target of testTargets()) {
  describe(`maintenance/cleanup-expired (${target.name})`, () => {
    const handle = useMigratedDatabase(target);

    it("removes only what can no longer be used, and a rerun finds nothing", async () => {
      const { db } = handle;
      const now = new Date();
      const past = new Date(now.getTime() - HOUR);
      const future = new Date(now.getTime() + HOUR);
      const n = Date.now();
      const [alice, bob, carol] = await Promise.all(
        ["alice", "bob", "carol"].map((name) => db.user.create({ data: { email: `${name}-${n}@example.com` } })),
      );
      await db.session.createMany({
        data: [
          { userId: alice!.id, sessionToken: `idle-${n}`, expires: past, absoluteExpiresAt: future },
          { userId: alice!.id, sessionToken: `absolute-${n}`, expires: future, absoluteExpiresAt: past },
          { userId: alice!.id, sessionToken: `live-${n}`, expires: future, absoluteExpiresAt: future },
        ],
      });
      await db.passwordReset.createMany({
        data: [
          { userId: alice!.id, token: `used-${n}`, expiresAt: future, used: true, usedAt: past },
          { userId: alice!.id, token: `expired-${n}`, expiresAt: past },
          { userId: alice!.id, token: `valid-${n}`, expiresAt: future },
        ],
      });
      await db.verificationToken.createMany({
        data: [
          { identifier: "a@example.com", token: `old-${n}`, expires: past },
          { identifier: "a@example.com", token: `new-${n}`, expires: future },
        ],
      });
      // Tokens are stored as SHA-256 hex (a database rule), and an active connection holds none: bob's was
      // linked, went inactive when he blocked the bot, and asked for a new token that expired.
      const tokenHash = (label: string) => createHash("sha256").update(`${label}-${n}`).digest("hex");
      await db.telegramConnection.createMany({
        data: [
          { userId: alice!.id, connectionToken: tokenHash("never-linked"), connectionTokenExpiresAt: past },
          {
            userId: bob!.id,
            telegramChatId: `${n}`,
            isActive: false,
            connectedAt: past,
            connectionToken: tokenHash("stale"),
            connectionTokenExpiresAt: past,
          },
          { userId: carol!.id, connectionToken: tokenHash("pending"), connectionTokenExpiresAt: future },
        ],
      });

      const [expiredStep, liveStep] = await Promise.all(
        [past, future].map((expiresAt, index) =>
          db.signInChallenge.create({ data: { userId: alice!.id, tokenHash: tokenHash(`step-${index}`), expiresAt } }),
        ),
      );
      await db.passkeyChallenge.createMany({
        data: [
          { challengeHash: tokenHash("passkey-expired"), purpose: "sign_in", expiresAt: past },
          { challengeHash: tokenHash("passkey-live"), purpose: "register", userId: alice!.id, expiresAt: future },
          // Live, but it continues a sign-in step that expired: it goes with that step.
          {
            challengeHash: tokenHash("passkey-orphaned"),
            purpose: "second_factor",
            userId: alice!.id,
            signInChallengeId: expiredStep!.id,
            expiresAt: future,
          },
          {
            challengeHash: tokenHash("passkey-second"),
            purpose: "second_factor",
            userId: alice!.id,
            signInChallengeId: liveStep!.id,
            expiresAt: future,
          },
        ],
      });

      expect(await cleanupExpired({ db, now })).toEqual({
        sessions: 2,
        passwordResets: 2,
        verificationTokens: 1,
        telegramLinkTokens: 2,
        telegramUnlinked: 1,
        signInChallenges: 1,
        passkeyChallenges: 1,
        mailMessages: 0,
      });
      expect((await db.signInChallenge.findMany()).map((row) => row.id)).toEqual([liveStep!.id]);
      expect(
        (await db.passkeyChallenge.findMany({ orderBy: { purpose: "asc" } })).map((row) => row.challengeHash),
      ).toEqual([tokenHash("passkey-live"), tokenHash("passkey-second")]);
      expect((await db.session.findMany()).map((row) => row.sessionToken)).toEqual([`live-${n}`]);
      expect((await db.passwordReset.findMany()).map((row) => row.token)).toEqual([`valid-${n}`]);
      expect((await db.verificationToken.findMany()).map((row) => row.token)).toEqual([`new-${n}`]);
      expect(await db.telegramConnection.findUnique({ where: { userId: alice!.id } })).toBeNull();
      expect(await db.telegramConnection.findUniqueOrThrow({ where: { userId: bob!.id } })).toMatchObject({
        isActive: false,
        telegramChatId: `${n}`,
        connectionToken: null,
      });
      expect((await db.telegramConnection.findUniqueOrThrow({ where: { userId: carol!.id } })).connectionToken).toBe(
        tokenHash("pending"),
      );

      expect(await cleanupExpired({ db, now })).toEqual({
        sessions: 0,
        passwordResets: 0,
        verificationTokens: 0,
        telegramLinkTokens: 0,
        telegramUnlinked: 0,
        signInChallenges: 0,
        passkeyChallenges: 0,
        mailMessages: 0,
      });
    });
  });
}
