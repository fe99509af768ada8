import { z } from "zod";

import { parseEnv } from "@cto/contracts/env";

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url(),
  WEB_ORIGIN: z.string().url().default("http://127.0.0.1:5173"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

/** The API's whole configuration, validated once at start; nothing else reads process.env. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): TEnv => parseEnv(ZEnvSchema, source, "API");
