import { PrismaAdapter } from "@auth/prisma-adapter";
import { describe, expect, it } from "vitest";

import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";

// docs/domain.md: Account, Session, VerificationToken and User keep the Auth.js shape, so the official
// Prisma adapter works against Cto's client unmodified. This drives every adapter method it uses.
describe.each(testTargets())("the Auth.js Prisma adapter on $name", (target) => {
  const ctx = useMigratedDatabase(target);

  it("creates users, links accounts, runs sessions and verification tokens", async () => {
    const { db } = ctx;
    const adapter = PrismaAdapter(db as never);
    const user = await adapter.createUser!({
      id: crypto.randomUUID(),
      email: "authjs@example.com",
      emailVerified: null,
      name: "Auth.js",
    });
    expect(await adapter.getUserByEmail!("authjs@example.com")).toMatchObject({ id: user.id, name: "Auth.js" });
    expect(await adapter.updateUser!({ id: user.id, name: "Renamed" })).toMatchObject({ name: "Renamed" });

    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: "gh-1",
      access_token: "sealed",
      token_type: "bearer",
      scope: "read:user",
    });
    expect((await adapter.getUserByAccount!({ provider: "github", providerAccountId: "gh-1" }))?.id).toBe(user.id);

    const expires = new Date(Date.now() + 3_600_000);
    await adapter.createSession!({ sessionToken: "hashed-token", userId: user.id, expires });
    const found = await adapter.getSessionAndUser!("hashed-token");
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.expires.getTime()).toBe(expires.getTime());
    await adapter.updateSession!({ sessionToken: "hashed-token", expires: new Date(expires.getTime() + 1000) });
    await adapter.deleteSession!("hashed-token");
    expect(await adapter.getSessionAndUser!("hashed-token")).toBeNull();

    await adapter.createVerificationToken!({ identifier: "authjs@example.com", token: "hashed-verify", expires });
    expect(
      await adapter.useVerificationToken!({ identifier: "authjs@example.com", token: "hashed-verify" }),
    ).toMatchObject({ token: "hashed-verify" });
    expect(
      await adapter.useVerificationToken!({ identifier: "authjs@example.com", token: "hashed-verify" }),
    ).toBeNull();

    await adapter.unlinkAccount!({ provider: "github", providerAccountId: "gh-1" });
    expect(await adapter.getUserByAccount!({ provider: "github", providerAccountId: "gh-1" })).toBeNull();
    await adapter.deleteUser!(user.id);
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  // A session cookie or a JWT names whatever id it likes; a lookup by a malformed one finds nobody.
  it("answers null for an id that is no uuid", async () => {
    const adapter = PrismaAdapter(ctx.db as never);
    for (const id of ["not-a-uuid", "", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000g"])
      expect(await adapter.getUser!(id)).toBeNull();
    expect(await adapter.getUser!("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
