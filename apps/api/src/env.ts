import { z } from "zod";

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url(),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

/** The API's whole configuration, validated once at start; nothing else reads process.env. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env): TEnv => {
  const parsed = ZEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid API environment:\n${problems}`);
  }
  return parsed.data;
};
