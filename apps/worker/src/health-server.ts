import { createServer } from "node:http";

import type { Redis } from "ioredis";

/**
 * Liveness (`/health`: the process runs) and readiness (`/ready`: Redis answers), for an
 * orchestrator to restart or hold traffic from the worker.
 */
export const startHealthServer = ({ redis, host, port }: { redis: Redis; host: string; port: number }) =>
  new Promise<ReturnType<typeof createServer>>((resolve) => {
    const server = createServer(async (request, response) => {
      const reply = (status: number, body: object) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.url === "/health") return reply(200, { status: "ok" });
      if (request.url === "/ready") {
        const redisOk = await redis.ping().then(
          (answer) => answer === "PONG",
          () => false,
        );
        return reply(redisOk ? 200 : 503, { status: redisOk ? "ready" : "not_ready", redis: redisOk ? "ok" : "unreachable" });
      }
      reply(404, { error: { code: "not_found", message: "Unknown route." } });
    });
    server.listen(port, host, () => resolve(server));
  });
