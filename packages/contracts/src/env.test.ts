import { z } from "zod";
import { describe, expect, it } from "vitest";

import { parseEnv } from "./env.ts";

const ZSchema = z.object({ PORT: z.coerce.number().int().max(65_535).default(3000), DATABASE_URL: z.string().url() });

describe("parseEnv", () => {
  it("returns the parsed, defaulted values", () => {
    expect(parseEnv(ZSchema, { DATABASE_URL: "postgresql://localhost/cto" }, "API")).toEqual({
      PORT: 3000,
      DATABASE_URL: "postgresql://localhost/cto",
    });
  });

  it("lists every problem by variable name", () => {
    expect(() => parseEnv(ZSchema, { PORT: "99999" }, "API")).toThrow(
      /Invalid API environment:\n {2}PORT: .*\n {2}DATABASE_URL: /,
    );
  });
});
