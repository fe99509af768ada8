import { z } from "zod";

import { parseEnv } from "@cto/contracts/env";

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  WORKER_HEALTH_HOST: z.string().default("127.0.0.1"),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

/** The worker's whole configuration, validated once at start; nothing else reads process.env. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): TEnv => parseEnv(ZEnvSchema, source, "worker");
