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

/**
 * The second argument of the production refinements' `superRefine`: zod skips a refinement once any
 * variable is invalid, so a start without DATABASE_URL would name it alone and the rest one failed start
 * at a time. Run this way, they see the raw values, which is enough: they only test for presence.
 */
export const EVEN_WHEN_INVALID = { when: () => true };

/**
 * For an environment schema's `superRefine`: settings development may leave out (the app has a local
 * default for each) but production must set, each with why. Every one missing is its own issue, so
 * parseEnv names them all at once instead of one per failed start.
 */
export const requireInProduction =
  <K extends string>(needs: Record<K, string>) =>
  (env: { NODE_ENV: string } & Partial<Record<K, unknown>>, context: z.RefinementCtx): void => {
    if (env.NODE_ENV !== "production") return;
    for (const [name, why] of Object.entries(needs) as [K, string][]) {
      const value = env[name];
      if (value === undefined || value === "")
        context.addIssue({ code: "custom", path: [name], message: `required in production: ${why}` });
    }
  };
