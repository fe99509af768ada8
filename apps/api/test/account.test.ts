import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createSecretBox } from "@cto/db/secrets";
import { DEMO_PASSWORD, seedId, seedUserData } from "@cto/db/seed";

import { ACCOUNT_SECTIONS } from "../src/services/account-data.ts";
import { signUp, type TUser, visitor } from "./support/api.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

let harness: Harness;
const secrets = createSecretBox(randomBytes(32));
const person = (name: string) => ({ id: seedId(`account-test:${name}`), email: `${name}@account.test`, name });

/** Seeds a full dataset (every model) for a fresh user pair and signs the first one in. */
const seededUser = async (name: string) => {
  const user = person(name);
  await seedUserData(harness.db, { user, friend: person(`${name}-friend`), secrets });
  const client = visitor(harness);
  const signIn = await client.request("POST", "/auth/sign-in", { email: user.email, password: DEMO_PASSWORD });
  expect(signIn.status).toBe(200);
  return Object.assign(client, { user });
};

/** Rows per table whose user_id / author_id is `userId`, over every table that has such a column. */
const ownedRows = async (userId: string) => {
  const columns = await harness.db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name IN ('user_id', 'author_id') ORDER BY table_name, column_name`;
  const counts: Record<string, number> = {};
  for (const { table_name, column_name } of columns) {
    const [row] = await harness.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" = $1::uuid`,
      userId,
    );
    counts[`${table_name}.${column_name}`] = row!.n;
  }
  return counts;
};

beforeAll(async () => {
  harness = await startApi();
});
afterAll(async () => harness?.close());

describe("profile", () => {
  it("edits the name, career profile and preferences, keeping what is left out", async () => {
    const client = await signUp(harness, "profile");
    await harness.db.user.update({
      where: { id: client.userId },
      data: { preferences: { timezone: "UTC", notificationPrefs: { telegram: false }, beta: { keep: true } } },
    });

    const patched = await client.request("PATCH", "/me", {
      name: "  Ada Lovelace ",
      currentRole: "Staff engineer",
      experienceLevel: "senior",
      industry: "Software",
      yearsOfExperience: 12,
      bio: "Writes about engines.",
      currentSkills: ["TypeScript", "PostgreSQL"],
      targetSkills: ["Mentoring"],
      currentGoals: ["Lead a team"],
      preferences: {
        timezone: "Europe/Berlin",
        workingHours: { start: "09:00", end: "17:30" },
        notificationPrefs: { inApp: true },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Ada Lovelace",
      currentRole: "Staff engineer",
      experienceLevel: "senior",
      yearsOfExperience: 12,
      currentSkills: ["TypeScript", "PostgreSQL"],
    });
    expect(patched.body).not.toHaveProperty("passwordHash");
    // Unknown keys and untouched parts of the preferences survive; the nested channel choice merges.
    expect(patched.body.preferences).toEqual({
      timezone: "Europe/Berlin",
      workingHours: { start: "09:00", end: "17:30" },
      notificationPrefs: { telegram: false, inApp: true },
      beta: { keep: true },
    });

    const partial = await client.request("PATCH", "/me", {
      bio: "",
      yearsOfExperience: null,
      preferences: { workingHours: null },
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({
      name: "Ada Lovelace",
      bio: null,
      yearsOfExperience: null,
      industry: "Software",
    });
    expect(partial.body.preferences).toMatchObject({
      timezone: "Europe/Berlin",
      workingHours: null,
      beta: { keep: true },
    });

    const read = await client.request("GET", "/me");
    expect(read.status).toBe(200);
    expect(read.body).toEqual(partial.body);
    const stored = await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } });
    expect(stored).toMatchObject({
      experienceLevel: "SENIOR",
      targetSkills: ["Mentoring"],
      currentGoals: ["Lead a team"],
    });
  });

  it.each([
    ["an unknown timezone", { preferences: { timezone: "Mars/Olympus" } }, "preferences.timezone"],
    [
      "working hours that are not HH:MM",
      { preferences: { workingHours: { start: "9am", end: "17:00" } } },
      "preferences.workingHours.start",
    ],
    [
      "working hours that start when they end",
      { preferences: { workingHours: { start: "09:00", end: "09:00" } } },
      "preferences.workingHours.end",
    ],
    ["an unknown preference", { preferences: { colour: "teal" } }, "preferences"],
    ["a language the app is not translated into", { preferences: { locale: "fr" } }, "preferences.locale"],
    ["an unknown experience level", { experienceLevel: "wizard" }, "experienceLevel"],
    ["a negative career length", { yearsOfExperience: -1 }, "yearsOfExperience"],
    ["a repeated skill", { currentSkills: ["SQL", "sql"] }, "currentSkills"],
    ["a blank name", { name: "   " }, "name"],
    ["an image that is not an http(s) URL", { image: "javascript:alert(1)" }, "image"],
    ["the email (identity is not edited here)", { email: "new@example.com" }, "(body)"],
    ["the role", { role: "admin" }, "(body)"],
  ])("refuses %s and changes nothing", async (_case, body, path) => {
    const client = await signUp(harness, "profile-refused");
    const before = await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } });
    const response = await client.request("PATCH", "/me", { bio: "must not land", ...body });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("validation_failed");
    expect(response.body.error?.details?.map((detail: { path: string }) => detail.path)).toContain(path);
    // A refused key is named, so the caller sees what to drop.
    for (const key of Object.keys(body).filter(
      (key) => !["preferences", "experienceLevel", "yearsOfExperience", "currentSkills", "name", "image"].includes(key),
    ))
      expect(JSON.stringify(response.body.error?.details)).toContain(key);
    expect(await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } })).toEqual(before);
  });

  it("answers 401 to a request without a session", async () => {
    const anonymous = await harness.app.request("/me", {
      method: "PATCH",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:5173" },
      body: JSON.stringify({ name: "x" }),
    });
    expect(anonymous.status).toBe(401);
  });

  it("keeps both parts when two saves of different preferences race", async () => {
    const client = await signUp(harness, "profile-race");
    const [first, second] = await Promise.all([
      client.request("PATCH", "/me", { preferences: { timezone: "Asia/Tokyo" } }),
      client.request("PATCH", "/me", { preferences: { theme: "dark" } }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const stored = await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } });
    expect(stored.preferences).toMatchObject({ timezone: "Asia/Tokyo", theme: "dark" });
  });

  it("stores the language chosen, and null hands it back to the browser's languages", async () => {
    const client = await signUp(harness, "profile-locale");
    const chosen = await client.request("PATCH", "/me", { preferences: { locale: "de", theme: "dark" } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.preferences).toMatchObject({ locale: "de", theme: "dark" });
    const cleared = await client.request("PATCH", "/me", { preferences: { locale: null } });
    expect(cleared.body.preferences).toMatchObject({ locale: null, theme: "dark" });
  });
});

describe("export", () => {
  it("streams every section of the account, without credentials", async () => {
    const client = await seededUser("exporter");
    const response = await harness.app.request("/me/export", { headers: { cookie: client.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="cto-export-/);
    const text = await response.text();
    const archive = JSON.parse(text);
    expect(archive).toMatchObject({
      format: "cto-account-export",
      version: 1,
      user: { id: client.user.id, email: client.user.email },
    });
    expect(Object.keys(archive.data)).toEqual(ACCOUNT_SECTIONS.map((section) => section.key));
    const empty = Object.entries(archive.data)
      .filter(([, rows]) => (rows as unknown[]).length === 0)
      .map(([key]) => key);
    expect(empty).toEqual([]);
    expect(archive.data.goals).toHaveLength(await harness.db.goal.count({ where: { userId: client.user.id } }));
    expect(archive.data.people).toHaveLength(
      await harness.db.person.count({ where: { userId: client.user.id, deletedAt: undefined } }),
    );
    for (const secret of [
      "passwordHash",
      "access_token",
      "accessToken",
      "refreshToken",
      "sessionToken",
      "keyHash",
      "connectionToken",
    ])
      expect(text).not.toContain(`"${secret}"`);
    expect(archive).not.toHaveProperty("embeddings");

    const withVectors = JSON.parse(
      await (await harness.app.request("/me/export?embeddings=true", { headers: { cookie: client.cookie } })).text(),
    );
    expect(withVectors.embeddings.length).toBeGreaterThan(0);
    expect(withVectors.embeddings[0].embedding).toMatch(/^\[/);
  });

  it("needs credentials", async () => {
    expect((await harness.app.request("/me/export")).status).toBe(401);
  });
});

describe("import", () => {
  it("imports an archive into an empty account with new ids, and refuses a second import", async () => {
    const source = await seededUser("source");
    const archive = JSON.parse(
      await (await harness.app.request("/me/export", { headers: { cookie: source.cookie } })).text(),
    );
    const target = await signUp(harness, "target");
    const imported = await target.request("POST", "/me/import", archive);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.imported.goals).toBe(archive.data.goals.length);
    expect(imported.body.imported.tasks).toBe(archive.data.tasks.length);

    const goals = await harness.db.goal.findMany({ where: { userId: target.userId }, orderBy: { title: "asc" } });
    expect(goals.map((goal) => goal.title)).toEqual(
      archive.data.goals.map((goal: { title: string }) => goal.title).sort(),
    );
    expect(goals.some((goal) => archive.data.goals.some((old: { id: string }) => old.id === goal.id))).toBe(false);
    const subtasks = await harness.db.task.findMany({
      where: { userId: target.userId, parentId: { not: null }, deletedAt: undefined },
      include: { parent: true },
    });
    expect(subtasks.length).toBeGreaterThan(0);
    for (const subtask of subtasks) expect(subtask.parent?.userId).toBe(target.userId);
    // The source account is untouched.
    expect(await harness.db.goal.count({ where: { userId: source.user.id } })).toBe(archive.data.goals.length);

    const again = await target.request("POST", "/me/import", archive);
    expect(again.status).toBe(409);
    expect(await harness.db.goal.count({ where: { userId: target.userId } })).toBe(goals.length);
  });

  it("refuses something that is not an archive, writing nothing", async () => {
    const target = await signUp(harness, "bad-archive");
    const response = await target.request("POST", "/me/import", { format: "something-else", data: {} });
    expect(response.status).toBe(400);
    expect(await harness.db.goal.count({ where: { userId: target.userId } })).toBe(0);
  });
});

describe("import, as the body streams in", () => {
  const DAY0 = Date.UTC(2025, 0, 1);
  /** An archive of `count` energy metrics: more rows than one batch, so some are written before the end is read. */
  const metricsArchive = (count: number) => {
    const ownerId = randomUUID();
    return {
      format: "cto-account-export",
      version: 1,
      exportedAt: new Date(DAY0).toISOString(),
      user: { id: ownerId, name: 'Stream\u202E \\N\t"test"' },
      data: {
        energyMetrics: Array.from({ length: count }, (_, i) => ({
          id: randomUUID(),
          userId: ownerId,
          level: 1 + (i % 10),
          note: i % 100 === 0 ? "x".repeat(20_000) : `\\N\t'); DROP TABLE users; -- ${i}`,
          recordedAt: new Date(
            i % 2 ? DAY0 + i * 60_000 : i % 4 ? -62_135_596_800_000 : 253_402_300_799_999,
          ).toISOString(),
        })),
      },
    };
  };
  const postRaw = (client: TUser, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    harness.app.request("/me/import", {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: client.cookie, "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit);
  /** The text in chunks of 16 KB, as a socket delivers it, with no Content-Length. */
  const chunked = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16_384) controller.enqueue(bytes.subarray(at, at + 16_384));
        controller.close();
      },
    });
  };
  const metricsOf = (userId: string) => harness.db.energyMetric.count({ where: { userId } });

  it("writes batch after batch, and a bad row after batches were written loses everything before it", async () => {
    const client = await signUp(harness, "stream-bad-row");
    const archive = metricsArchive(2_500);
    archive.data.energyMetrics[2_400]!.level = 11;
    const refused = await postRaw(client, chunked(JSON.stringify(archive)));
    expect(refused.status).toBe(400);
    const details = ((await refused.json()) as { error: { details: { path: string }[] } }).error.details;
    expect(details.map((detail) => detail.path)).toEqual(["data.energyMetrics.2400.level"]);
    expect(await metricsOf(client.userId)).toBe(0);

    archive.data.energyMetrics[2_400]!.level = 10;
    const imported = await postRaw(client, chunked(JSON.stringify(archive)));
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as { imported: Record<string, number> }).imported.energyMetrics).toBe(2_500);
    expect(await metricsOf(client.userId)).toBe(2_500);
    const stored = await harness.db.energyMetric.findMany({
      where: { userId: client.userId },
      orderBy: { recordedAt: "asc" },
    });
    expect(stored[0]!.recordedAt.toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(stored.at(-1)!.recordedAt.toISOString()).toBe("9999-12-31T23:59:59.999Z");
    expect(stored.filter((row) => row.note?.length === 20_000)).toHaveLength(25);
    expect(stored.some((row) => row.note?.startsWith("\\N\t'); DROP TABLE users; --"))).toBe(true);
    expect((await harness.db.user.findUniqueOrThrow({ where: { id: client.userId } })).name).toBe(archive.user.name);
  });

  it("refuses JSON that breaks off or goes wrong mid-stream with where, writing nothing", async () => {
    const client = await signUp(harness, "stream-malformed");
    const text = JSON.stringify(metricsArchive(1_500));
    const cut = text.indexOf('{"id"', Math.floor(text.length * 0.8));
    for (const [body, path, message] of [
      [`${text.slice(0, cut)}{"id": oops}]}}`, "data.energyMetrics.", /malformed JSON/],
      [text.slice(0, cut), "data.energyMetrics", /ends early/],
      [`${text}{}`, "(body)", /after the end/],
      [`{"format":"cto-account-export","data":${"[".repeat(70)}`, "data", /Nested deeper than 64/],
    ] as const) {
      const response = await postRaw(client, chunked(body));
      expect(response.status, body.slice(-40)).toBe(400);
      const [detail] = ((await response.json()) as { error: { details: { path: string; message: string }[] } }).error
        .details;
      expect(detail!.path.startsWith(path), detail!.path).toBe(true);
      expect(detail!.message).toMatch(message);
      expect(await metricsOf(client.userId)).toBe(0);
    }
  });

  it("answers 413 to a body over the limit, declared or streamed, writing nothing", async () => {
    const client = await signUp(harness, "stream-too-large");
    const text = JSON.stringify(metricsArchive(1_500));
    const limit = harness.config.maxImportBytes;
    harness.config.maxImportBytes = Math.floor(text.length / 2);
    try {
      const streamed = await postRaw(client, chunked(text));
      expect(streamed.status).toBe(413);
      const declared = await postRaw(client, text, { "content-length": String(text.length) });
      expect(declared.status).toBe(413);
    } finally {
      harness.config.maxImportBytes = limit;
    }
    expect(await metricsOf(client.userId)).toBe(0);
  });
});

describe("delete account", () => {
  it("asks for the password, then removes every row of the user and nobody else's", async () => {
    const client = await seededUser("leaver");
    const bystander = await seededUser("bystander");
    const before = await ownedRows(client.user.id);
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThan(25);
    const bystanderBefore = await ownedRows(bystander.user.id);

    expect((await client.request("DELETE", "/me", { password: "wrong password" })).status).toBe(403);
    expect((await client.request("DELETE", "/me")).status).toBe(403);
    expect((await client.request("DELETE", "/me", { password: DEMO_PASSWORD })).status).toBe(204);

    const after = await ownedRows(client.user.id);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await harness.db.user.findUnique({ where: { id: client.user.id } })).toBeNull();
    expect(await ownedRows(bystander.user.id)).toEqual(bystanderBefore);
    expect((await client.request("GET", "/auth/session")).status).toBe(401);
  });
});
