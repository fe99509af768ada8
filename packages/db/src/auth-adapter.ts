import { createHash } from "node:crypto";

import type { Adapter, AdapterAccount, AdapterAuthenticator, AdapterSession, AdapterUser } from "@auth/core/adapters";
import { PrismaAdapter } from "@auth/prisma-adapter";

import type { Db } from "./client.ts";
import type { SecretBox } from "./secrets.ts";

/**
 * The SHA-256 digest (hex) under which a session token is stored: the same digest Cto's API stores
 * and looks up, so a session made by either side is found by the other, and a stolen database holds
 * no usable token.
 */
export const sessionTokenDigest = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type TCtoAuthAdapterOptions = {
  /** Seals provider tokens (`access_token`, `refresh_token`, `id_token`); the same box Cto's API uses. */
  secrets: SecretBox;
  /**
   * The longest a session may live however often it is used, as Cto's sessions do (the API's
   * SESSION_ABSOLUTE_HOURS); Auth.js's rolling `expires` never passes it. Default 30 days.
   */
  absoluteLifetimeMs?: number;
  /**
   * Called with a session's digest after Auth.js deletes it (sign-out), so the caller can drop it from
   * a cache that serves Cto's API (its auth cache forgets a digest on every instance).
   */
  onSessionDeleted?: (digest: string) => Promise<void> | void;
  /** The clock; tests move it. */
  now?: () => Date;
};

const DAY_MS = 86_400_000;
const SEALED_FIELDS = ["access_token", "refresh_token", "id_token"] as const;

/** What Auth.js (and whatever it hands the user to: callbacks, JWTs) sees of a user: never the password hash. */
type TUserFields = {
  id: string;
  email: string;
  emailVerified: Date | null;
  name?: string | null;
  image?: string | null;
};
function publicUser(user: TUserFields): AdapterUser;
function publicUser(user: TUserFields | null): AdapterUser | null;
function publicUser(user: TUserFields | null): AdapterUser | null {
  return (
    user && {
      id: user.id,
      email: user.email,
      emailVerified: user.emailVerified,
      name: user.name ?? null,
      image: user.image ?? null,
    }
  );
}

// Cto keeps one account per address, compared without case or surrounding blanks (sign-up stores it so).
const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * An Auth.js adapter over Cto's database that follows Cto's rules where the official Prisma adapter,
 * used unmodified, would not:
 * - session tokens are stored as their SHA-256 digest (Cto's format), so sessions made by Auth.js and by
 *   Cto's API are valid in both, and a session keeps Cto's absolute lifetime;
 * - provider tokens are sealed at rest with Cto's key, and opened only when Auth.js reads an account;
 * - users are handed over without their password hash or Cto's own fields, and a disabled account
 *   (an administrator's `isActive: false`) gets no new session and loses the ones it has;
 * - passkeys live in Cto's `Authenticator` table.
 * Everything else is the official adapter's, so its behaviour (and its upgrades) carry over.
 */
export const CtoAuthAdapter = (db: Db, options: TCtoAuthAdapterOptions): Adapter => {
  const official = PrismaAdapter(db as never);
  const now = options.now ?? (() => new Date());
  const absoluteLifetimeMs = options.absoluteLifetimeMs ?? 30 * DAY_MS;

  const seal = <T extends Partial<AdapterAccount>>(account: T): T => {
    const sealed: Record<string, unknown> = { ...account };
    for (const field of SEALED_FIELDS) {
      const value = account[field];
      if (typeof value === "string") sealed[field] = options.secrets.encrypt(value);
    }
    return sealed as T;
  };
  const open = (account: AdapterAccount | null): AdapterAccount | null => {
    if (!account) return null;
    const opened: Record<string, unknown> = { ...account };
    for (const field of SEALED_FIELDS) {
      const value = account[field];
      if (typeof value === "string") opened[field] = options.secrets.decrypt(value);
    }
    return opened as AdapterAccount;
  };

  /** The session row by its raw token, with its user, or null when it is gone, expired for good or its user disabled. */
  const findSession = async (sessionToken: string) => {
    const row = await db.session.findUnique({
      where: { sessionToken: sessionTokenDigest(sessionToken) },
      include: { user: true },
    });
    if (!row) return null;
    const absolutePassed = row.absoluteExpiresAt !== null && row.absoluteExpiresAt <= now();
    if (!row.user.isActive || absolutePassed) {
      await db.session.deleteMany({ where: { id: row.id } });
      await options.onSessionDeleted?.(row.sessionToken);
      return null;
    }
    return row;
  };
  const asAuthSession = (sessionToken: string, row: { userId: string; expires: Date }): AdapterSession => ({
    sessionToken,
    userId: row.userId,
    expires: row.expires,
  });

  return {
    ...official,
    createUser: async ({ id: _ignored, ...user }) =>
      publicUser(
        await db.user.create({
          data: {
            email: normaliseEmail(user.email),
            emailVerified: user.emailVerified ?? null,
            name: user.name ?? null,
            image: user.image ?? null,
          },
        }),
      ),
    getUser: async (id) => publicUser(await official.getUser!(id)),
    getUserByEmail: async (email) => publicUser(await db.user.findUnique({ where: { email: normaliseEmail(email) } })),
    getUserByAccount: async (providerAccount) => publicUser(await official.getUserByAccount!(providerAccount)),
    // Only the fields Auth.js owns: it cannot set a password hash, a role or an account's state through here.
    updateUser: async ({ id, email, emailVerified, name, image }) =>
      publicUser(
        await db.user.update({
          where: { id },
          data: {
            ...(email === undefined ? {} : { email: normaliseEmail(email) }),
            ...(emailVerified === undefined ? {} : { emailVerified }),
            ...(name === undefined ? {} : { name }),
            ...(image === undefined ? {} : { image }),
          },
        }),
      ),
    linkAccount: async (account) => {
      await official.linkAccount!(seal(account));
      return account;
    },
    getAccount: async (providerAccountId, provider) =>
      open((await official.getAccount!(providerAccountId, provider)) as AdapterAccount | null),

    createSession: async ({ sessionToken, userId, expires }) => {
      const user = await db.user.findUnique({ where: { id: userId }, select: { isActive: true } });
      if (!user?.isActive) throw new Error("This account is disabled or gone; no session is created for it.");
      const absoluteExpiresAt = new Date(now().getTime() + absoluteLifetimeMs);
      const row = await db.session.create({
        data: {
          sessionToken: sessionTokenDigest(sessionToken),
          userId,
          expires: new Date(Math.min(expires.getTime(), absoluteExpiresAt.getTime())),
          absoluteExpiresAt,
          lastUsedAt: now(),
        },
      });
      return asAuthSession(sessionToken, row);
    },
    getSessionAndUser: async (sessionToken) => {
      const row = await findSession(sessionToken);
      return row && { session: asAuthSession(sessionToken, row), user: publicUser(row.user) };
    },
    updateSession: async ({ sessionToken, expires }) => {
      const row = await findSession(sessionToken);
      if (!row) return null;
      if (!expires) return asAuthSession(sessionToken, row);
      const limit = row.absoluteExpiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      const updated = await db.session.update({
        where: { id: row.id },
        data: { expires: new Date(Math.min(expires.getTime(), limit)), lastUsedAt: now() },
      });
      return asAuthSession(sessionToken, updated);
    },
    deleteSession: async (sessionToken) => {
      const digest = sessionTokenDigest(sessionToken);
      await db.session.deleteMany({ where: { sessionToken: digest } });
      await options.onSessionDeleted?.(digest);
    },

    createAuthenticator: async (authenticator) =>
      toAuthenticator(
        await db.authenticator.create({
          data: {
            credentialID: authenticator.credentialID,
            userId: authenticator.userId,
            providerAccountId: authenticator.providerAccountId,
            credentialPublicKey: authenticator.credentialPublicKey,
            counter: authenticator.counter,
            credentialDeviceType: authenticator.credentialDeviceType,
            credentialBackedUp: authenticator.credentialBackedUp,
            transports: authenticator.transports ?? null,
          },
        }),
      ),
    getAuthenticator: async (credentialID) => {
      const row = await db.authenticator.findUnique({ where: { credentialID } });
      return row && toAuthenticator(row);
    },
    listAuthenticatorsByUserId: async (userId) =>
      (await db.authenticator.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map(toAuthenticator),
    updateAuthenticatorCounter: async (credentialID, counter) =>
      toAuthenticator(await db.authenticator.update({ where: { credentialID }, data: { counter } })),
  };
};

/** Auth.js's view of a passkey row: without Cto's own id and timestamps. */
const toAuthenticator = (row: {
  credentialID: string;
  userId: string;
  providerAccountId: string;
  credentialPublicKey: string;
  counter: number;
  credentialDeviceType: string;
  credentialBackedUp: boolean;
  transports: string | null;
}): AdapterAuthenticator => ({
  credentialID: row.credentialID,
  userId: row.userId,
  providerAccountId: row.providerAccountId,
  credentialPublicKey: row.credentialPublicKey,
  counter: row.counter,
  credentialDeviceType: row.credentialDeviceType,
  credentialBackedUp: row.credentialBackedUp,
  transports: row.transports,
});
