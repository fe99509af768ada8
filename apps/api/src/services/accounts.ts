import type { Db } from "@cto/db/client";
import { withDbErrors } from "@cto/db/errors";
import { hashPassword, verifyPassword } from "@cto/db/password";

import { ApiError } from "../errors.ts";
import { accountDisabled } from "./sessions.ts";

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export const signUp = async ({
  db,
  email,
  password,
  name,
}: {
  db: Db;
  email: string;
  password: string;
  name?: string | undefined;
}) => {
  const passwordHash = await hashPassword(password);
  try {
    return await withDbErrors(() =>
      db.user.create({ data: { email: email.toLowerCase(), passwordHash, name: name ?? null } }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === "conflict")
      throw new ApiError("conflict", "An account with this email already exists.");
    throw error;
  }
};

export const signIn = async ({ db, email, password }: { db: Db; email: string; password: string }) => {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user?.passwordHash) {
    decoyHash ??= hashPassword("decoy-password-never-used");
    await verifyPassword(await decoyHash, password);
    throw new ApiError("unauthorized", "The email or password is wrong.");
  }
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new ApiError("unauthorized", "The email or password is wrong.");
  // Only the right password learns that the account is disabled, and why it cannot sign in.
  if (!user.isActive) throw accountDisabled();
  await db.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date() } });
  return user;
};
