import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { serve } from "@hono/node-server";
import { preview, type PreviewServer } from "vite";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import { type AppDependencies, createApp } from "@cto/api/app";
import type { TCalendarProviders } from "@cto/api/testing/calendar-providers";
import { DEFAULT_CONFIG, GENEROUS_AUTH_LIMITS } from "@cto/api/context";
import { createOutboxMailer } from "@cto/api/mailer";
import { createDb, type Db } from "@cto/db/client";
import { ingestKnowledgeChunks, loadStarterKnowledge } from "@cto/db/knowledge";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding, seedDemoData } from "@cto/db/seed";
import type { TestDatabase } from "@cto/db/testing";
import { createLocalStorage } from "@cto/storage/local";

import { apiProxy } from "../api-proxy.ts";
import { CONTENT_SECURITY_POLICY } from "../server/content-security-policy.ts";
import { E2E_CALENDAR_NETWORKS, startWorker, type TStackWorker } from "./worker.ts";

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
  /** The background worker, when the stack was started with one (`{ worker: true }`); null: no Redis, no queues. */
  worker: TStackWorker | null;
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
    sentiment: (texts, options) => current.sentiment(texts, options),
    costOf: (model, usage) => current.costOf(model, usage),
  };
  const use = (provider: TAiProvider | null) => {
    current = provider ?? offline;
  };
  return { ai, use };
};

/**
 * `vite preview` on a port of the system's choosing. Vite asks for a free port and then binds it, so
 * another process can take it in between: try again, a few times, on a new one.
 */
const previewOnFreePort = async (
  config: Parameters<typeof preview>[0] & { preview: object },
  attempts = 5,
): Promise<PreviewServer> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await preview({ ...config, preview: { ...config.preview, port: 0 } });
    } catch (error) {
      if (attempt >= attempts || !/already in use/.test((error as Error).message)) throw error;
    }
  }
};

/**
 * The whole product on loopback: the real API (createApp, dev routes on, the offline AI provider)
 * on a migrated, seeded database, and the built SPA served by `vite preview`, which proxies `/api`
 * (and Bull Board's /admin/queues) to that API exactly as in development (`api-proxy.ts`). The web
 * app must be built first (`vite build`, into `distDir`, by default where vite.config.ts puts it).
 * With `worker`, the real worker runs beside them on the same database and upload folder, and the API
 * enqueues on the shared Redis (a prefix per stack): reminders, reports, embeddings and screenshot
 * reading happen as for a user. Without it, the API has no queues (as without Redis) and what would be
 * enqueued waits in the database.
 */
export const startStack = async (
  database: TestDatabase,
  {
    worker: withWorker = false,
    distDir = path.join(WEB_ROOT, "dist", "client"),
    oauthProviders,
    calendarProviders,
    webHost = "127.0.0.1",
  }: {
    worker?: boolean;
    distDir?: string;
    /** The identity providers to sign in with, given where they send the browser back (the web app's /api). */
    oauthProviders?: (callbackBaseUrl: string) => Promise<AppDependencies["oauthProviders"]>;
    /** Google's and Microsoft's stand-ins: the API connects calendars there, the worker syncs them. */
    calendarProviders?: TCalendarProviders;
    /**
     * The host name the web app is reached by (its WEB_ORIGIN); it listens on 127.0.0.1 either way.
     * `localhost` for passkeys: WebAuthn refuses an IP address as the relying party's ID.
     */
    webHost?: "127.0.0.1" | "localhost";
  } = {},
): Promise<TStack> => {
  const db = createDb({ url: database.url, log: [] });
  await seedWithRetry(db);
  const outbox = await mkdtemp(path.join(tmpdir(), "cto-web-outbox-"));
  const uploads = await mkdtemp(path.join(tmpdir(), "cto-web-uploads-"));
  const worker = withWorker
    ? await startWorker({ databaseUrl: database.url, storageDir: uploads, env: calendarProviders?.env ?? {} })
    : null;
  // Both servers bind where they listen, never on a port picked earlier and released (on a busy
  // machine another connection takes it in between). The API listens first and serves the app once
  // it exists: the app needs the web app's origin, which is known once the web server listens.
  let app: ReturnType<typeof createApp> | null = null;
  const api = await new Promise<Server>((resolve) => {
    const server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: "127.0.0.1" }, () =>
      resolve(server as Server),
    );
  });
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  let web: PreviewServer;
  try {
    web = await previewOnFreePort({
      root: WEB_ROOT,
      // Serving built files needs none of vite.config.ts's build plugins; vite-plugin-pwa would resolve its
      // own files by the global `__dirname` the Prisma client in this process sets.
      configFile: false,
      logLevel: "warn",
      build: { outDir: distDir },
      // The production server's policy (as vite.config.ts's preview has it): every page of the suite runs under it.
      preview: {
        host: "127.0.0.1",
        strictPort: true,
        proxy: apiProxy(apiUrl),
        headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY },
      },
    });
  } catch (error) {
    api.close();
    await worker?.close();
    throw error;
  }
  const webUrl = `http://${webHost}:${(web.httpServer.address() as AddressInfo).port}`;
  // Generous auth limits: e2e suites sign up and sign in many times from one address.
  const config = {
    ...DEFAULT_CONFIG,
    webOrigin: webUrl,
    authLimits: GENEROUS_AUTH_LIMITS,
    telegramBotUsername: E2E_TELEGRAM_BOT,
    calendarPrivateNetworks: E2E_CALENDAR_NETWORKS,
  };
  const ai = switchableAi();
  app = createApp({
    db,
    config,
    mailer: createOutboxMailer(outbox),
    devRoutes: true,
    ai: ai.ai,
    telegram: { webhookSecret: TELEGRAM_WEBHOOK_SECRET },
    storage: createLocalStorage({ root: uploads }),
    queues: worker?.queues ?? null,
    oauthProviders: await oauthProviders?.(`${webUrl}/api`),
    ...(calendarProviders ? { calendarOAuth: calendarProviders.calendarOAuth(`${webUrl}/api`) } : {}),
  });
  const close = async () => {
    await new Promise<void>((resolve) => web.httpServer.close(() => resolve()));
    await new Promise<void>((resolve) => api.close(() => resolve()));
    await worker?.close();
    await db.$disconnect();
    await database.drop();
    await Promise.all([outbox, uploads].map((dir) => rm(dir, { recursive: true, force: true })));
  };
  return { webUrl, apiUrl, db, database, useAi: ai.use, worker, close };
};
