import { Redis } from "ioredis";

import { loadEnv } from "./env.ts";
import { startHealthServer } from "./health-server.ts";

const env = loadEnv();
// Workers wait for Redis rather than fail (BullMQ's production guide): no per-request retry limit.
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: true });
redis.on("error", (error) => console.error(`worker: redis: ${error.message}`));

const server = await startHealthServer({ redis, host: env.WORKER_HEALTH_HOST, port: env.WORKER_HEALTH_PORT });
console.log(`worker: health on http://${env.WORKER_HEALTH_HOST}:${env.WORKER_HEALTH_PORT}/health, Redis at ${env.REDIS_URL}`);

const shutdown = () => {
  server.close();
  redis.disconnect();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
