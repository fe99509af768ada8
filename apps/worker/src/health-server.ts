import { createServer } from "node:http";

import { migrationReadiness, migrationStatus } from "@cto/db/client";
import { metricsAuthorized } from "@cto/metrics/prometheus";

/** What a readiness check found: `state` is shown under the check's name, `detail` beside it. */
export type TCheckResult = { ok: boolean; state: string; detail?: Record<string, unknown> };
/** A named readiness check: true (or an ok result) when its dependency is as it should be; false reads as unreachable. */
export type THealthChecks = Record<string, () => Promise<boolean | TCheckResult>>;

/** The Prometheus registry served at /metrics, and the bearer token a scrape must send (none: open to whoever reaches the port). */
export type TMetricsEndpoint = {
  registry: { metrics: () => Promise<string>; contentType: string };
  token?: string | undefined;
};

const asResult = (value: boolean | TCheckResult): TCheckResult =>
  typeof value === "boolean" ? { ok: value, state: value ? "ok" : "unreachable" } : value;

/**
 * Liveness (`/health`: the process runs), readiness (`/ready`: every check passes; 503 naming the
 * failing ones otherwise) and, when given, Prometheus metrics (`/metrics`), for an orchestrator and a
 * scraper. Only GET and HEAD are served.
 */
export const startHealthServer = ({
  checks,
  host,
  port,
  metrics,
}: {
  checks: THealthChecks;
  host: string;
  port: number;
  metrics?: TMetricsEndpoint;
}) =>
  new Promise<ReturnType<typeof createServer>>((resolve) => {
    const server = createServer(async (request, response) => {
      const reply = (status: number, body: object) => {
        response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
        response.end(JSON.stringify(body));
      };
      const path = new URL(request.url ?? "/", "http://health").pathname;
      if (request.method !== "GET" && request.method !== "HEAD")
        return reply(405, { error: { code: "method_not_allowed", message: "Only GET and HEAD are served." } });
      if (path === "/health") return reply(200, { status: "ok" });
      if (path === "/ready") {
        const results = await Promise.all(
          Object.entries(checks).map(
            async ([name, check]) => [name, asResult(await check().catch(() => false))] as const,
          ),
        );
        const failing = results.filter(([, result]) => !result.ok).map(([name]) => name);
        const states = Object.fromEntries(results.map(([name, result]) => [name, result.state]));
        const details = Object.assign({}, ...results.map(([, result]) => result.detail ?? {}));
        return reply(failing.length ? 503 : 200, {
          status: failing.length ? "not_ready" : "ready",
          ...(failing.length ? { failing } : {}),
          ...states,
          ...details,
        });
      }
      if (path === "/metrics" && metrics) {
        if (!metricsAuthorized(metrics.token, request.headers.authorization)) {
          response.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' });
          return response.end();
        }
        const body = await metrics.registry.metrics().catch((error: Error) => error);
        if (body instanceof Error)
          return reply(500, { error: { code: "internal", message: `metrics failed: ${body.message}` } });
        response.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
        return response.end(request.method === "HEAD" ? undefined : body);
      }
      reply(404, { error: { code: "not_found", message: "Unknown route." } });
    });
    server.listen(port, host, () => resolve(server));
  });

/** Races a check against a timeout, so a hung dependency reads as not ready instead of hanging /ready. */
export const withTimeout =
  <T extends boolean | TCheckResult>(check: () => Promise<T>, ms = 2_000, onTimeout: T | false = false) =>
  () =>
    Promise.race([check(), new Promise<T | false>((resolve) => setTimeout(() => resolve(onTimeout), ms).unref())]);

/**
 * The database has applied every migration this code ships: `pending` or `failed` (with their names)
 * otherwise, `unknown` while the database cannot be asked or the migration folders are missing.
 */
export const migrationsCheck =
  (db: Parameters<typeof migrationStatus>[0], dir?: string | null) => async (): Promise<TCheckResult> => {
    try {
      const { migrations: state, ...names } = migrationReadiness(
        await migrationStatus(db, dir === undefined ? {} : { dir }),
      );
      return state === "ok" ? { ok: true, state } : { ok: false, state, detail: names };
    } catch {
      return { ok: false, state: "unknown" };
    }
  };

/**
 * What the worker needs to do its work: Redis answers (`probe`, a connection of its own, so a busy
 * worker's socket does not decide), the database answers, and it has applied every shipped migration.
 */
export const readinessChecks = ({
  db,
  probe,
  migrationsDir,
}: {
  db: Parameters<typeof migrationStatus>[0];
  probe: { ping: () => Promise<string> };
  migrationsDir?: string | null;
}): THealthChecks => ({
  redis: withTimeout(async () => (await probe.ping()) === "PONG"),
  database: withTimeout(async () => (await db.$queryRaw<Array<{ ok: number }>>`SELECT 1 AS ok`).length === 1, 5_000),
  migrations: withTimeout(migrationsCheck(db, migrationsDir), 5_000, { ok: false, state: "unknown" }),
});
