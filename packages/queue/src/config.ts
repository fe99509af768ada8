import { z } from "zod";

import type { TRedisTarget } from "./connection.ts";

const unset = (value: unknown) => (value === "" ? undefined : value);

/** Development's local Redis, when no variable names one. */
export const DEVELOPMENT_REDIS_URL = "redis://127.0.0.1:6379";

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s:,[\]]+):(\d{1,5})$/;

const parseHostPort = (entry: string) => {
  const match = HOST_PORT.exec(entry.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65_535) return null;
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
};

/** A comma-separated list of `host:port` (IPv6 in brackets), each checked, at least one. */
const ZHostPortListSchema = z.preprocess(
  unset,
  z
    .string()
    .transform((text, context) => {
      const entries = text.split(",").filter((entry) => entry.trim() !== "");
      const parsed = entries.map(parseHostPort);
      const bad = entries.filter((_, index) => !parsed[index]);
      if (!entries.length || bad.length) {
        context.addIssue({
          code: "custom",
          message: `a comma-separated list of host:port${bad.length ? `; not one: ${bad.join(", ")}` : ""}`,
        });
        return z.NEVER;
      }
      return parsed.map((entry) => entry!);
    })
    .optional(),
);

const optionalText = z.preprocess(unset, z.string().min(1).optional());

/**
 * The Redis variables, for an app's env.ts to merge into its own schema (`...ZRedisEnvSchema.shape`,
 * then `.superRefine(requireOneRedis)` and `requireRedisInProduction`). One of three ways to reach Redis:
 * one server (`REDIS_URL`), a Redis Cluster (`REDIS_CLUSTER_NODES`, a few of its nodes: the client finds
 * the rest) or a master watched by Sentinel (`REDIS_SENTINELS` and `REDIS_SENTINEL_NAME`).
 */
export const ZRedisEnvSchema = z.object({
  REDIS_URL: z.preprocess(unset, z.string().url().optional()),
  REDIS_CLUSTER_NODES: ZHostPortListSchema,
  REDIS_SENTINELS: ZHostPortListSchema,
  REDIS_SENTINEL_NAME: optionalText,
  // The data nodes' credentials (ACL user, password) with a cluster or Sentinel; a REDIS_URL carries its own.
  REDIS_USERNAME: optionalText,
  REDIS_PASSWORD: optionalText,
  // The sentinels' own password (their requirepass), when they have one.
  REDIS_SENTINEL_PASSWORD: optionalText,
});
export type TRedisEnv = z.infer<typeof ZRedisEnvSchema>;

const MODES = ["REDIS_URL", "REDIS_CLUSTER_NODES", "REDIS_SENTINELS"] as const;

/** Exactly one way to Redis at most, and what each way needs, each problem named by variable. */
export const requireOneRedis = (env: TRedisEnv, context: z.RefinementCtx) => {
  const chosen = MODES.filter((name) => env[name] !== undefined);
  if (chosen.length > 1)
    for (const name of chosen)
      context.addIssue({
        code: "custom",
        path: [name],
        message: `set only one of ${MODES.join(", ")} (found ${chosen.join(" and ")})`,
      });
  if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME)
    context.addIssue({
      code: "custom",
      path: ["REDIS_SENTINEL_NAME"],
      message: "required with REDIS_SENTINELS: the name the sentinels monitor the master under",
    });
  if (env.REDIS_SENTINEL_NAME && !env.REDIS_SENTINELS)
    context.addIssue({
      code: "custom",
      path: ["REDIS_SENTINELS"],
      message: "required with REDIS_SENTINEL_NAME: the sentinels' host:port list",
    });
  if (env.REDIS_SENTINEL_PASSWORD && !env.REDIS_SENTINELS)
    context.addIssue({ code: "custom", path: ["REDIS_SENTINEL_PASSWORD"], message: "only used with REDIS_SENTINELS" });
  for (const name of ["REDIS_USERNAME", "REDIS_PASSWORD"] as const) {
    if (env[name] && env.REDIS_URL)
      context.addIssue({
        code: "custom",
        path: [name],
        message: "for REDIS_CLUSTER_NODES or REDIS_SENTINELS; with REDIS_URL put the credentials in the URL",
      });
  }
};

/**
 * For the production refinements (run with `EVEN_WHEN_INVALID`, so on raw values): one of the three ways
 * to Redis is set; the issue names REDIS_URL, with the other two in its message.
 */
export const requireRedisInProduction =
  (why: string) => (env: { NODE_ENV: string } & Record<string, unknown>, context: z.RefinementCtx) => {
    if (env.NODE_ENV !== "production") return;
    if (MODES.some((name) => env[name] !== undefined && env[name] !== "")) return;
    context.addIssue({
      code: "custom",
      path: ["REDIS_URL"],
      message: `required in production (or REDIS_CLUSTER_NODES, or REDIS_SENTINELS with REDIS_SENTINEL_NAME): ${why}`,
    });
  };

/** Where this process's Redis is, from validated variables: development's local server when none is named. */
export const redisTargetFromEnv = (env: TRedisEnv): TRedisTarget => {
  const credentials = {
    ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
    ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
  };
  if (env.REDIS_CLUSTER_NODES) return { kind: "cluster", nodes: env.REDIS_CLUSTER_NODES, ...credentials };
  if (env.REDIS_SENTINELS) {
    return {
      kind: "sentinel",
      sentinels: env.REDIS_SENTINELS,
      name: env.REDIS_SENTINEL_NAME!,
      ...credentials,
      ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
    };
  }
  return { kind: "single", url: env.REDIS_URL ?? DEVELOPMENT_REDIS_URL };
};
