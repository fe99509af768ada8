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

export type Harness = {
  app: ReturnType<typeof createApp>;
  db: Db;
  database: TestDatabase;
  config: ApiConfig;
  mailer: OutboxMailer;
  ai: TAiProvider;
  close: () => Promise<void>;
};

/** `base` with an app of its own database, config, mailer and AI plus `extra` (queues, an auth cache…). */
export const withDeps = (base: Harness, extra: Partial<AppDependencies>): Harness => ({
  ...base,
  app: createApp({ db: base.db, config: base.config, mailer: base.mailer, ai: base.ai, ...extra }),
});

/** The API on a fresh, migrated database: `target`, by default real PostgreSQL when the test setup found one, else embedded. */
export const startApi = async (
  overrides: Partial<ApiConfig> = {},
  dependencies: Partial<AppDependencies> = {},
  target: TestTarget = testTargets()[0]!,
): Promise<Harness> => {
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
  return {
    app: createApp({ db, config, mailer, devRoutes: true, ai, ...dependencies }),
    db,
    database,
    config,
    mailer,
    ai,
    close,
  };
};
