import { describe, expect, it } from "vitest";

import { loadEnv } from "./env.ts";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/cto", CTO_DATA_DIR: "/srv/cto-data" };

describe("the worker's environment: email", () => {
  it("uses the development outbox in the data folder without SMTP_URL", () => {
    expect(loadEnv(base).mail).toEqual({
      driver: "outbox",
      folder: "/srv/cto-data/outbox",
      from: "Cto <no-reply@localhost>",
    });
  });

  it("uses SMTP with SMTP_URL, From from MAIL_FROM", () => {
    expect(
      loadEnv({ ...base, SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "Cto <hello@cto.example>" }).mail,
    ).toEqual({ driver: "smtp", url: "smtps://u:p@mail.example.com:465", from: "Cto <hello@cto.example>" });
  });

  it("refuses to start in production without SMTP_URL and MAIL_FROM, naming each", () => {
    expect(() => loadEnv({ ...base, NODE_ENV: "production" })).toThrow(
      /Invalid worker environment:[\s\S]*SMTP_URL: required in production[\s\S]*MAIL_FROM: required in production/,
    );
    // With the rest production needs (test/env.test.ts), mail set is all it takes.
    const production = {
      ...base,
      NODE_ENV: "production",
      REDIS_URL: "redis://redis.internal:6379",
      CTO_ENCRYPTION_KEY: "ab".repeat(32),
    };
    expect(() =>
      loadEnv({ ...production, SMTP_URL: "smtp://mail.example.com:587", MAIL_FROM: "hello@cto.example" }),
    ).not.toThrow();
    expect(() => loadEnv(production)).toThrow(/SMTP_URL: required in production/);
  });
});

describe("the worker's environment: database pool", () => {
  it("opens at most DATABASE_POOL_MAX connections, 10 unless set, refusing anything but a positive whole number", () => {
    expect(loadEnv(base).DATABASE_POOL_MAX).toBe(10);
    expect(loadEnv({ ...base, DATABASE_POOL_MAX: "4" }).DATABASE_POOL_MAX).toBe(4);
    for (const bad of ["0", "-3", "many", "1e9"])
      expect(() => loadEnv({ ...base, DATABASE_POOL_MAX: bad })).toThrow(/DATABASE_POOL_MAX/);
  });
});
