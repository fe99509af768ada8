import type { TAiProvider } from "@cto/ai/provider";
import type { TPrivateNetworks } from "@cto/core/outbound-address";
import type { SecretBox } from "@cto/db/secrets";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "@cto/contracts/api/documents";
import { findMigrationsDir, type Db } from "@cto/db/client";
import { PRODUCER_TIMEOUT_MS, type TQueues } from "@cto/queue/queues";
import type { TStorage } from "@cto/storage/storage";
import type { TLogger } from "@cto/log/logger";

import type { TAuthCache } from "./lib/auth-cache.ts";
import { TRUST_NO_PROXY, type TTrustProxy } from "./lib/client-address.ts";
import type { TLeases } from "./lib/leases.ts";
import type { TSharedCache } from "./lib/shared-cache.ts";
import { DEFAULT_AUTH_LIMITS, type TAuthLimiters, type TAuthLimits } from "./services/auth-limits.ts";
import { API_MAIL_RETRY, type TMailRetry, type TPostman } from "./services/mailer.ts";

export type AuthContext = {
  userId: string;
  role: "USER" | "ADMIN";
  via: "session" | "api_key";
  sessionId?: string;
  apiKeyId?: string;
};

export type ApiConfig = {
  /** The SPA's origin, allowed by CORS and by the CSRF origin check. */
  webOrigin: string;
  /** Secure cookies (HTTPS only); off for plain-HTTP localhost development. */
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  maxBodyBytes: number;
  maxImportBytes: number;
  /** Largest screenshot upload (POST /analysis-sessions/{id}/screenshot). */
  maxScreenshotBytes: number;
  /** Largest document upload (POST /documents). */
  maxDocumentBytes: number;
  /** The auth routes' abuse limits: per client address, per account, per browser (services/auth-limits.ts). */
  authLimits: TAuthLimits;
  /** Which proxies are believed about the client's address (TRUST_PROXY); by default none: the socket's peer. */
  trustProxy: TTrustProxy;
  /** AI generations per user and UTC day (002's daily generation limit). */
  dailyGenerationLimit: number;
  /** Longest wait for Redis on any request that enqueues or removes a job; past it the write stands and the worker's sweeps catch up. */
  queueTimeoutMs: number;
  /** The Cto bot's Telegram username (without @); when set, a link token comes with a t.me deep link that links in one tap. */
  telegramBotUsername: string | null;
  /** How often, and how far apart, the API itself tries an email that no queue took (no Redis). */
  mailRetry: TMailRetry;
  /** Whether /ready fails while Redis is unreachable (READINESS_REDIS; production by default). The API serves without it either way. */
  readinessRequiresRedis: boolean;
  /** Chat tokens per user and UTC day, web and Telegram together (AI_DAILY_TOKEN_BUDGET). */
  chatTokenBudget: number;
  /** The migration folders /ready compares the database's history with (@cto/db's); null: not found, /ready fails. */
  migrationsDir: string | null;
  /** How soon after its API instance dies a chat reply it was writing can be retried through another (lib/leases.ts). */
  replyLeaseMs: number;
  /** Which non-public addresses a calendar URL may name (CALENDAR_ALLOW_PRIVATE_NETWORKS); false: none. */
  calendarPrivateNetworks: TPrivateNetworks;
};

export type AppEnv = {
  Variables: {
    db: Db;
    requestId: string;
    auth: AuthContext;
    config: ApiConfig;
    postman: TPostman;
    ai: TAiProvider;
    logger: TLogger;
    queues: TQueues | null;
    storage: TStorage;
    limits: TAuthLimiters;
    authCache: TAuthCache;
    clientAddress: string | undefined;
    sharedCache: TSharedCache;
    leases: TLeases;
    /** Seals stored secrets (TOTP secrets) with CTO_ENCRYPTION_KEY. */
    secrets: SecretBox;
  };
};

/** Chat tokens per user and UTC day when AI_DAILY_TOKEN_BUDGET is unset. */
export const DEFAULT_CHAT_TOKEN_BUDGET = 200_000;

export const DEFAULT_CONFIG: ApiConfig = {
  webOrigin: "http://127.0.0.1:5173",
  secureCookies: false,
  sessionIdleMs: 7 * 24 * 3_600_000,
  sessionAbsoluteMs: 30 * 24 * 3_600_000,
  maxBodyBytes: 1_000_000,
  maxImportBytes: 100_000_000,
  maxScreenshotBytes: 10_000_000,
  maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
  authLimits: DEFAULT_AUTH_LIMITS,
  trustProxy: TRUST_NO_PROXY,
  dailyGenerationLimit: 20,
  queueTimeoutMs: PRODUCER_TIMEOUT_MS,
  telegramBotUsername: null,
  mailRetry: API_MAIL_RETRY,
  readinessRequiresRedis: false,
  chatTokenBudget: DEFAULT_CHAT_TOKEN_BUDGET,
  migrationsDir: findMigrationsDir(),
  replyLeaseMs: 30_000,
  calendarPrivateNetworks: false,
};

/** Every auth limit far out of reach, for test suites, e2e stacks and benchmarks that sign in many times from one address. */
export const GENEROUS_AUTH_LIMITS: TAuthLimits = Object.fromEntries(
  Object.keys(DEFAULT_AUTH_LIMITS).map((name) => [name, { limit: 1_000_000, windowMs: 60_000 }]),
) as TAuthLimits;
