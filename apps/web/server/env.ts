import { z } from "zod";

import { parseEnv, requireInProduction } from "@cto/contracts/env";
import { LOG_LEVELS } from "@cto/log/logger";

const unset = (value: unknown) => (value === "" ? undefined : value);

const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    // The same names `npm start` gives the Vite dev server, so WEB_ORIGIN's default matches either.
    WEB_PORT: z.coerce.number().int().min(0).max(65_535).default(5173),
    WEB_HOST: z.string().default("127.0.0.1"),
    // Where this server reaches the API; the local one when unset, required in production.
    CTO_API_ORIGIN: z.preprocess(unset, z.string().url().optional()),
  })
  .superRefine(
    requireInProduction({
      CTO_API_ORIGIN: "where the web server reaches the API (http://api:3000), which it serves under /api",
    }),
  )
  .transform((env) => ({ ...env, CTO_API_ORIGIN: env.CTO_API_ORIGIN ?? "http://127.0.0.1:3000" }));

export type TWebEnv = z.infer<typeof ZEnvSchema>;

/** The production web server's configuration, validated once at start. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): TWebEnv => parseEnv(ZEnvSchema, source, "web server");
