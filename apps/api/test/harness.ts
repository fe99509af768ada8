import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import { createDb, type Db } from "@cto/db/client";
import { testTargets, type TestDatabase, type TestTarget } from "@cto/db/testing";

import { createApp, type AppDependencies } from "../src/app.ts";
import { DEFAULT_CONFIG, GENEROUS_AUTH_LIMITS, type ApiConfig } from "../src/context.ts";
import { createOutboxMailer, type OutboxMailer } from "../src/services/mailer.ts";

export const WEB_ORIGIN = "http://127.0.0.1:5173";

export type Harness = { app: ReturnType<typeof createApp>; db: Db; database: TestDatabase; config: ApiConfig; mailer: OutboxMailer; ai: TAiProvider; close: () => Promise<void> };

/** The API on a fresh, migrated database: `target`, by default real PostgreSQL when the test setup found one, else embedded. */
export const startApi = async (overrides: Partial<ApiConfig> = {}, dependencies: Partial<AppDependencies> = {}, target: TestTarget = testTargets()[0]!): Promise<Harness> => {
  const database = await target.createMigrated();
  const db = createDb({ url: database.url, log: [] });
  // Generous auth limits so suites that sign up many users are not throttled; rate-limit tests set their own.
  const config = { ...DEFAULT_CONFIG, webOrigin: WEB_ORIGIN, authLimits: GENEROUS_AUTH_LIMITS, ...overrides };
  const outbox = await mkdtemp(path.join(tmpdir(), "cto-outbox-"));
  const mailer = createOutboxMailer(outbox);
  const close = async () => {
    await db.$disconnect();
    await database.drop();
    await rm(outbox, { recursive: true, force: true });
  };
  // The offline local provider: deterministic, no network, whatever the developer's environment says.
  const ai = createAiProvider(parseAiConfig({}));
  return { app: createApp({ db, config, mailer, devRoutes: true, ai, ...dependencies }), db, database, config, mailer, ai, close };
};

/** A browser-like client: keeps the session cookie and sends the SPA's Origin, as the web app does. */
export const browser = (harness: Harness, origin = WEB_ORIGIN) => {
  let cookie = "";
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await harness.app.request(path, {
      method,
      headers: { origin, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0]!.endsWith("=") ? "" : setCookie.split(";")[0]!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : null };
  };
  return { request, get cookie() { return cookie; }, set cookie(value: string) { cookie = value; } };
};

let counter = 0;
/** Signs up a new user through the API and returns a signed-in browser for them. */
export const signedUpBrowser = async (harness: Harness, name = "user") => {
  const client = browser(harness);
  const email = `${name}-${Date.now()}-${counter++}@example.com`;
  const response = await client.request("POST", "/auth/sign-up", { email, password: "correct horse battery", name });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return Object.assign(client, { email, userId: response.body.user.id as string });
};
