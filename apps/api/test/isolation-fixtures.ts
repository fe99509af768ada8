import { randomBytes } from "node:crypto";

import { expect } from "vitest";

import type { Db } from "@cto/db/client";
import { createSecretBox } from "@cto/db/secrets";
import { DEMO_PASSWORD, seedId, seedUserData } from "@cto/db/seed";

import { SECTION_SHAPES, type TSectionShape } from "../src/services/account-archive.ts";
import { isImported } from "../src/services/account-sections.ts";
import { visitor } from "./support/api.ts";
import type { Harness } from "./harness.ts";

type Row = Record<string, unknown>;
type Delegate = { findMany: (args: object) => Promise<Row[]>; count: (args: object) => Promise<number> };
const secrets = createSecretBox(randomBytes(32));
let counter = 0;

/** A signed-in user with a full dataset (a row in every model), and a friend with published posts. */
export const seededAccount = async (harness: Harness, name: string) => {
  const unique = `${name}-${process.pid}-${counter++}`;
  const user = { id: seedId(`isolation:${unique}`), email: `${unique}@isolation.test`, name };
  await seedUserData(harness.db, {
    user,
    friend: {
      id: seedId(`isolation:${unique}:friend`),
      email: `${unique}-friend@isolation.test`,
      name: `${name}'s friend`,
    },
    secrets,
  });
  const client = visitor(harness);
  const signIn = await client.request("POST", "/auth/sign-in", {
    email: user.email,
    password: DEMO_PASSWORD,
  });
  expect(signIn.status).toBe(200);
  return Object.assign(client, { userId: user.id });
};

export const exportArchive = async (harness: Harness, client: { cookie: string }) => {
  const response = await harness.app.request("/me/export", { headers: { cookie: client.cookie } });
  expect(response.status).toBe(200);
  return JSON.parse(await response.text()) as { user: Row; data: Record<string, Row[]> } & Row;
};

/**
 * Columns that change on their own after a request: a sign-up's verification email is delivered in
 * the background, so its row's delivery state moves whenever the mailer gets to it; any signed-in request
 * may mark its user seen (`last_seen_at`, at most every 15 minutes).
 */
const SELF_CHANGING_COLUMNS: Record<string, string[]> = {
  users: ["last_seen_at"],
  mail_messages: [
    "status",
    "attempts",
    "last_error",
    "claimed_until",
    "message_id",
    "sent_at",
    "failed_at",
    "text_body",
    "html_body",
    "updated_at",
  ],
};

/**
 * Every row of every table, as PostgreSQL renders it, keyed by table and id. Sessions are left out:
 * each request may touch its own session's lastUsedAt.
 */
export const databaseSnapshot = async (db: Db) => {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'sessions') ORDER BY table_name`;
  const snapshot = new Map<string, Map<string, string>>();
  for (const { name } of tables) {
    const row =
      name in SELF_CHANGING_COLUMNS
        ? `to_jsonb(t) - ARRAY[${SELF_CHANGING_COLUMNS[name]!.map((column) => `'${column}'`).join(", ")}]`
        : "to_jsonb(t)";
    const rows = await db.$queryRawUnsafe<{ key: string; row: string }[]>(
      `SELECT coalesce(to_jsonb(t)->>'id', to_jsonb(t)::text) AS key, (${row})::text AS row FROM "${name}" t`,
    );
    snapshot.set(name, new Map(rows.map(({ key, row }) => [key, row])));
  }
  return snapshot;
};
export type TSnapshot = Awaited<ReturnType<typeof databaseSnapshot>>;

/** Rows present in `before` that changed or vanished in `after`, except those `allowed` names (table:id). */
export const changedRows = (before: TSnapshot, after: TSnapshot, allowed: string[] = []) => {
  const changed: string[] = [];
  for (const [table, rows] of before)
    for (const [key, row] of rows)
      if (after.get(table)?.get(key) !== row && !allowed.includes(`${table}:${key}`)) changed.push(`${table}:${key}`);
  return changed;
};
export const addedRows = (before: TSnapshot, after: TSnapshot) =>
  [...after].flatMap(([table, rows]) =>
    [...rows.keys()].filter((key) => !before.get(table)?.has(key)).map((key) => `${table}:${key}`),
  );

const model = (db: Db, shape: TSectionShape) => shape.section.model(db) as Delegate;
const distinct = (values: unknown[]) => [
  ...new Set(values.filter((value): value is string => typeof value === "string")),
];
const byKey = new Map(SECTION_SHAPES.map((shape) => [shape.section.key, shape]));

/**
 * What in `userId`'s account points at something that is not theirs: for every reference column of
 * every imported section, the ids its rows name that are not rows of the same account (a like or reply
 * may name a published post of anyone). Empty when the account is closed on itself.
 */
export const referencesLeavingAccount = async (db: Db, userId: string) => {
  const leaks: string[] = [];
  const owns = async (target: TSectionShape, ids: string[]) => {
    const found = await model(db, target).findMany({
      where: { ...target.section.where(userId), id: { in: ids } },
      select: { id: true },
    });
    return new Set(found.map((row) => row.id as string));
  };
  for (const shape of SECTION_SHAPES.filter(({ section }) => isImported(section))) {
    const rows = await model(db, shape).findMany({ where: shape.section.where(userId) });
    for (const [column, targetKey] of Object.entries(shape.foreignKeys)) {
      const ids = distinct(rows.map((row) => row[column]));
      const owned = await owns(byKey.get(targetKey)!, ids);
      let outside = ids.filter((id) => !owned.has(id));
      if (shape.section.publishedPostColumn === column && outside.length) {
        const published = new Set(
          (
            await db.post.findMany({
              where: { id: { in: outside }, status: "PUBLISHED" },
              select: { id: true },
            })
          ).map((post) => post.id),
        );
        outside = outside.filter((id) => !published.has(id));
      }
      leaks.push(...outside.map((id) => `${shape.section.key}.${column} -> ${id}`));
    }
    for (const [column, reference] of Object.entries(shape.section.looseReferences ?? {})) {
      const named = rows.filter((row) => row[column] != null);
      const targets =
        "kindColumn" in reference
          ? named.map((row) => reference.sections[row[reference.kindColumn] as string]!)
          : named.map(() => reference.history);
      for (const targetKey of new Set(targets)) {
        const ids = distinct(named.filter((_, index) => targets[index] === targetKey).map((row) => row[column]));
        const candidates =
          targetKey === "any" ? SECTION_SHAPES.filter(({ section }) => isImported(section)) : [byKey.get(targetKey)!];
        const owned = new Set<string>();
        for (const target of candidates) for (const id of await owns(target, ids)) owned.add(id);
        leaks.push(...ids.filter((id) => !owned.has(id)).map((id) => `${shape.section.key}.${column} -> ${id}`));
      }
    }
  }
  return leaks;
};

/** Paths of a 400 answer's details. */
export const detailPaths = (body: { error?: { details?: { path: string }[] } }) =>
  (body.error?.details ?? []).map((detail) => detail.path);
