import type { z } from "zod";

/**
 * Validates an app's environment against its schema once, at start, and fails with every problem
 * listed by variable name (t3-env style): a misconfigured process stops before it serves anything.
 */
export const parseEnv = <S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv, label: string): z.infer<S> => {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`Invalid ${label} environment:\n${problems}`);
};
