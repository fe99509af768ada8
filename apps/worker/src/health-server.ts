import { createServer } from "node:http";

/** A named readiness check: resolves true when its dependency answers. */
export type THealthChecks = Record<string, () => Promise<boolean>>;

/**
 * Liveness (`/health`: the process runs) and readiness (`/ready`: every check answers, e.g. Redis
 * and the database), for an orchestrator to restart or hold traffic from the worker.
 */
export const startHealthServer = ({ checks, host, port }: { checks: THealthChecks; host: string; port: number }) =>
  new Promise<ReturnType<typeof createServer>>((resolve) => {
    const server = createServer(async (request, response) => {
      const reply = (status: number, body: object) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.url === "/health") return reply(200, { status: "ok" });
      if (request.url === "/ready") {
        const results = await Promise.all(
          Object.entries(checks).map(async ([name, check]) => [name, await check().catch(() => false)] as const),
        );
        const ready = results.every(([, ok]) => ok);
        const body = Object.fromEntries(results.map(([name, ok]) => [name, ok ? "ok" : "unreachable"]));
        return reply(ready ? 200 : 503, { status: ready ? "ready" : "not_ready", ...body });
      }
      reply(404, { error: { code: "not_found", message: "Unknown route." } });
    });
    server.listen(port, host, () => resolve(server));
  });

/** Races a check against a timeout, so a hung dependency reads as not ready instead of hanging /ready. */
export const withTimeout = (check: () => Promise<boolean>, ms = 2_000) => () =>
  Promise.race([check(), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
