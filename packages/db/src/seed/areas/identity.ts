import { createHash, randomBytes } from "node:crypto";

import { hashPassword } from "../../password.ts";
import { daysFrom, type SeedContext } from "../context.ts";

/** The demo sign-in; printed by the seed and documented in the README (development data only). */
export const DEMO_PASSWORD = "cto-demo-password";
/** Sam's authenticator key (base32): Sam signs in with a code, to try two-factor sign-in (development data only). */
export const FRIEND_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

// Stored tokens are hashes of random values nobody knows: the rows exist, but grant nothing.
const unusableTokenHash = () => createHash("sha256").update(randomBytes(32)).digest("hex");

export const seedIdentity = async ({ db, user, friend, now, secrets, id }: SeedContext) => {
  const existing = new Set(
    (await db.user.findMany({ where: { id: { in: [user.id, friend.id] } }, select: { id: true } })).map(
      (row) => row.id,
    ),
  );
  const people = [
    {
      ...user,
      role: "ADMIN" as const,
      currentRole: "Engineering manager",
      experienceLevel: "MANAGER" as const,
      industry: "Software",
      yearsOfExperience: 9,
      currentSkills: ["people leadership", "system design"],
      targetSkills: ["executive communication", "coaching"],
      bio: "Leads a platform team; working on delegation and focus.",
      currentGoals: ["Delegate more", "Ship the Q3 roadmap"],
      achievementScore: 120,
      preferredModels: ["gpt-4o-mini", "gpt-4o"],
    },
    {
      ...friend,
      role: "USER" as const,
      currentRole: "Senior engineer",
      experienceLevel: "SENIOR" as const,
      industry: "Software",
      yearsOfExperience: 6,
      currentSkills: ["TypeScript"],
      targetSkills: ["public speaking"],
      currentGoals: ["Give a conference talk"],
    },
  ];
  for (const person of people) {
    if (existing.has(person.id)) continue;
    await db.user.create({
      data: {
        ...person,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        emailVerified: now,
        lastSeenAt: now,
        preferences: {
          timezone: "Europe/Berlin",
          theme: "system",
          workingHours: { start: "09:00", end: "17:30" },
          notificationPrefs: { telegram: true, inApp: true },
        },
      },
    });
  }

  await db.userContext.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("user-context"),
        userId: user.id,
        personalBio: "Parent of two, runs on weekends, recovering perfectionist.",
        longTermGoals: ["Grow into a director role", "Keep evenings free"],
        workContext: "Manages 7 engineers on a payments platform.",
        currentChallenges: ["Too many meetings", "Hard to say no"],
        aiPreferences: "Direct, short answers with one concrete next step.",
        communicationStyle: "direct",
        expertiseAreas: ["distributed systems"],
        learningObjectives: ["coaching conversations"],
        decisionMakingStyle: "analytical",
        timeManagementStyle: "time-blocking",
        preferredMeetingTimes: ["10:00-12:00"],
        workingHours: "09:00-17:30",
      },
    ],
  });
  await db.account.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("account:github"),
        userId: user.id,
        type: "oauth",
        provider: "github",
        providerAccountId: `demo-${user.id.slice(0, 8)}`,
        access_token: secrets.encrypt("demo-github-access-token"),
        token_type: "bearer",
        scope: "read:user user:email",
      },
    ],
  });
  await db.session.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("session:web"),
        userId: user.id,
        sessionToken: unusableTokenHash(),
        expires: daysFrom(now, 7),
        absoluteExpiresAt: daysFrom(now, 30),
        lastUsedAt: now,
        userAgent: "Seeded browser session",
      },
    ],
  });
  await db.verificationToken.createMany({
    skipDuplicates: true,
    data: [{ identifier: user.email, token: `seed-${id("verification")}`, expires: daysFrom(now, 1) }],
  });
  await db.passwordReset.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("password-reset:used"),
        userId: user.id,
        token: unusableTokenHash(),
        expiresAt: daysFrom(now, -6),
        used: true,
        usedAt: daysFrom(now, -7),
        createdAt: daysFrom(now, -7),
      },
    ],
  });
  // The password reset above was emailed; a sent row keeps no bodies (their link was for one use).
  await db.mailMessage.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("mail:password-reset"),
        userId: user.id,
        kind: "PASSWORD_RESET",
        toAddress: user.email,
        subject: "Reset your Cto password",
        status: "SENT",
        attempts: 1,
        messageId: `<${id("mail:password-reset")}@cto.seed>`,
        sentAt: daysFrom(now, -7),
        createdAt: daysFrom(now, -7),
      },
    ],
  });
  // Sam has two-factor sign-in on (the factor and two recovery codes nobody knows). The demo user signs in with a
  // password only, so `npm start` needs no authenticator: an app set up once and never confirmed (which asks
  // for nothing), a recovery code used while it was on before, and a sign-in challenge that expired then.
  await db.totpFactor.createMany({
    skipDuplicates: true,
    data: [
      { userId: friend.id, secret: secrets.encrypt(FRIEND_TOTP_SECRET), enabledAt: daysFrom(now, -30), lastStep: null },
      { userId: user.id, secret: secrets.encrypt(unusableTokenHash().slice(0, 32)), enabledAt: null, lastStep: null },
    ],
  });
  await db.recoveryCode.createMany({
    skipDuplicates: true,
    data: [
      { id: id("recovery-code:sam:1"), userId: friend.id, codeHash: unusableTokenHash() },
      { id: id("recovery-code:sam:2"), userId: friend.id, codeHash: unusableTokenHash() },
      { id: id("recovery-code:used"), userId: user.id, codeHash: unusableTokenHash(), usedAt: daysFrom(now, -40) },
    ],
  });
  await db.signInChallenge.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("sign-in-challenge:expired"),
        userId: user.id,
        tokenHash: unusableTokenHash(),
        expiresAt: daysFrom(now, -40),
        failures: 1,
        createdAt: daysFrom(now, -40),
      },
    ],
  });
  // A passkey the demo user registered through a team's Auth.js sign-in (@cto/db/auth-adapter); its public
  // key is random bytes, so no authenticator can ever sign for it. With two-factor off it asks nothing of a
  // password sign-in. And a passkey request that expired unanswered.
  await db.authenticator.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("authenticator:laptop"),
        credentialID: `seed-${id("authenticator:laptop")}`,
        userId: user.id,
        providerAccountId: `seed-${id("authenticator:laptop")}`,
        credentialPublicKey: unusableTokenHash(),
        counter: 3,
        credentialDeviceType: "multiDevice",
        credentialBackedUp: true,
        transports: "internal,hybrid",
      },
    ],
  });
  await db.passkeyChallenge.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("passkey-challenge:expired"),
        challengeHash: unusableTokenHash(),
        purpose: "step_up",
        userId: user.id,
        expiresAt: daysFrom(now, -40),
        createdAt: daysFrom(now, -40),
      },
    ],
  });
  // The demo administrator once disabled Sam's account and enabled it again.
  await db.adminAuditLog.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("admin-audit:sam:disable"),
        actorId: user.id,
        action: "user.update",
        targetType: "user",
        targetId: friend.id,
        before: { isActive: true },
        after: { isActive: false },
        createdAt: daysFrom(now, -10),
      },
      {
        id: id("admin-audit:sam:enable"),
        actorId: user.id,
        action: "user.update",
        targetType: "user",
        targetId: friend.id,
        before: { isActive: false },
        after: { isActive: true },
        createdAt: daysFrom(now, -9),
      },
    ],
  });
  await db.apiKey.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id("api-key:cli"),
        userId: user.id,
        name: "Personal CLI",
        prefix: "cto_demo",
        keyHash: unusableTokenHash(),
        lastUsedAt: daysFrom(now, -1),
      },
    ],
  });
};
