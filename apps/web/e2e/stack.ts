import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { serve } from "@hono/node-server";
import { preview, type PreviewServer } from "vite";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import { createApp } from "@cto/api/app";
import { DEFAULT_CONFIG, GENEROUS_AUTH_LIMITS } from "@cto/api/context";
import { createOutboxMailer } from "@cto/api/mailer";
import { createDb, type Db } from "@cto/db/client";
import { ingestKnowledgeChunks, loadStarterKnowledge } from "@cto/db/knowledge";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding, seedDemoData } from "@cto/db/seed";
import { freePort, type TestDatabase } from "@cto/db/testing";

import { apiProxy } from "../api-proxy.ts";

/**
 * The demo seed. Its knowledge-base step writes 64 chunks per transaction, which can pass Prisma's
 * 5 s transaction limit on a busy two-core machine; loading the same chunks first in small batches
 * (ingestion is idempotent by chunk id and version) leaves the seed nothing slow to do.
 */
const seedWithRetry = async (db: Db, attempts = 3) => {
  const embed = async (texts: string[]) => ({ vectors: texts.map(fixtureEmbedding), model: FIXTURE_EMBEDDING_MODEL });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ingestKnowledgeChunks(db, loadStarterKnowledge(), { model: FIXTURE_EMBEDDING_MODEL, embed, batchSize: 8 });
      return await seedDemoData(db);
    } catch (error) {
      if (attempt >= attempts || (error as { code?: string }).code !== "P2028") throw error;
      console.warn(`e2e: seeding timed out (attempt ${attempt} of ${attempts}); trying again`);
    }
  }
};

export const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The stack's Telegram webhook secret: tests play Telegram by posting updates with it. */
export const TELEGRAM_WEBHOOK_SECRET = "e2e-telegram-webhook-secret";
/** The bot username the stack's API puts in t.me deep links. */
export const E2E_TELEGRAM_BOT = "cto_e2e_bot";

export type TStack = {
  webUrl: string;
  apiUrl: string;
  db: Db;
  database: TestDatabase;
  /** Puts another AI provider behind the running API (e.g. one on a failing OpenAI stand-in); null: the offline one again. */
  useAi: (provider: TAiProvider | null) => void;
  close: () => Promise<void>;
};

/** The offline provider, unless a test puts another in its place: the API keeps one object and calls through it. */
const switchableAi = () => {
  const offline = createAiProvider(parseAiConfig({}));
  let current = offline;
  const ai: TAiProvider = {
    get kind() {
      return current.kind;
    },
    get chatModel() {
      return current.chatModel;
    },
    get embeddingModel() {
      return current.embeddingModel;
    },
    embed: (texts) => current.embed(texts),
    embedQuery: (text) => current.embedQuery(text),
    chat: (request) => current.chat(request),
    chatStream: (request) => current.chatStream(request),
    costOf: (model, usage) => current.costOf(model, usage),
  };
  return { ai, use: (provider: TAiProvider | null) => void (current = provider ?? offline) };
};

/**
 * The whole product on loopback: the real API (createApp, dev routes on, the offline AI provider)
 * on a migrated, seeded database, and the built SPA served by `vite preview`, which proxies `/api`
 * (and Bull Board's /admin/queues) to that API exactly as in development (`api-proxy.ts`). The web
 * app must be built first (`vite build`).
 */
export const startStack = async (database: TestDatabase): Promise<TStack> => {
  const db = createDb({ url: database.url, log: [] });
  await seedWithRetry(db);
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const outbox = await mkdtemp(path.join(tmpdir(), "cto-web-outbox-"));
  // Generous auth limits: e2e suites sign up and sign in many times from one address.
  const config = { ...DEFAULT_CONFIG, webOrigin: webUrl, authLimits: GENEROUS_AUTH_LIMITS, telegramBotUsername: E2E_TELEGRAM_BOT };
  const ai = switchableAi();
  const app = createApp({ db, config, mailer: createOutboxMailer(outbox), devRoutes: true, ai: ai.ai, telegram: { webhookSecret: TELEGRAM_WEBHOOK_SECRET } });
  const api = await new Promise<Server>((resolve) => {
    const server = serve({ fetch: app.fetch, port: apiPort, hostname: "127.0.0.1" }, () => resolve(server as Server));
  });
  let web: PreviewServer;
  try {
    web = await preview({
      root: WEB_ROOT,
      logLevel: "warn",
      preview: { host: "127.0.0.1", port: webPort, strictPort: true, proxy: apiProxy(apiUrl) },
    });
  } catch (error) {
    api.close();
    throw error;
  }
  const close = async () => {
    await new Promise<void>((resolve) => web.httpServer.close(() => resolve()));
    await new Promise<void>((resolve) => api.close(() => resolve()));
    await db.$disconnect();
    await database.drop();
    await rm(outbox, { recursive: true, force: true });
  };
  return { webUrl, apiUrl, db, database, useAi: ai.use, close };
};
