import { describe, expect, it } from "vitest";
import { z } from "zod";

import { mailConfigFromEnv, requireMailSettings, ZMailEnvSchema } from "./config.ts";

const schema = ZMailEnvSchema.extend({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
}).superRefine(requireMailSettings);
/** Like the apps' parseEnv: every problem on its own line, by variable name. */
const parse = (env: Record<string, string>) => {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  return parsed.data;
};

describe("mail configuration", () => {
  it("without SMTP_URL, outside production: the development outbox in the data folder", () => {
    const env = parse({});
    expect(mailConfigFromEnv(env, { dataDir: "/data" })).toEqual({
      driver: "outbox",
      folder: "/data/outbox",
      from: "Cto <no-reply@localhost>",
    });
    expect(mailConfigFromEnv(parse({ SMTP_URL: "", MAIL_FROM: "" }), { dataDir: "/data" }).driver).toBe("outbox");
  });

  it("with SMTP_URL: SMTP, From from MAIL_FROM", () => {
    const env = parse({ SMTP_URL: "smtps://user:pass@mail.example.com:465", MAIL_FROM: "Cto <hello@cto.example>" });
    expect(mailConfigFromEnv(env, { dataDir: "/data" })).toEqual({
      driver: "smtp",
      url: "smtps://user:pass@mail.example.com:465",
      from: "Cto <hello@cto.example>",
    });
  });

  it("production refuses to start without SMTP_URL and MAIL_FROM, naming each", () => {
    expect(() => parse({ NODE_ENV: "production" })).toThrow(
      /SMTP_URL: required in production[\s\S]*MAIL_FROM: required in production/,
    );
    expect(() => parse({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.com:587" })).toThrow(
      /MAIL_FROM: required in production/,
    );
    expect(() => parse({ NODE_ENV: "production", MAIL_FROM: "a@b.example" })).toThrow(
      /SMTP_URL: required in production/,
    );
    expect(
      parse({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.com:587", MAIL_FROM: "a@b.example" }).SMTP_URL,
    ).toBe("smtp://mail.example.com:587");
  });

  it("refuses a URL that is not SMTP and a From that is not one address", () => {
    expect(() => parse({ SMTP_URL: "https://mail.example.com" })).toThrow(/SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parse({ SMTP_URL: "not a url" })).toThrow(/SMTP_URL/);
    for (const from of ["nobody", "a@b.example, c@d.example", "Cto <>", "team: a@b.example;"])
      expect(() => parse({ MAIL_FROM: from })).toThrow(/MAIL_FROM: one address/);
  });
});
