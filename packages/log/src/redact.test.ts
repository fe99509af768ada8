import { describe, expect, it } from "vitest";

import { redact, redactText } from "./redact.ts";

describe("redact", () => {
  it("replaces the values of secret keys at any depth, whatever their type", () => {
    const input = {
      password: "correct horse battery staple",
      newPassword: "x",
      passwordHash: "$argon2id$v=19$...",
      body: { currentPassword: "p", profile: { name: "Ada" } },
      headers: {
        Authorization: "Bearer abc",
        cookie: "cto_session=1",
        "set-cookie": ["a=b"],
        "x-api-key": "k",
        "X-Telegram-Bot-Api-Secret-Token": "t",
      },
      token: "abc",
      resetToken: "r",
      accessToken: { value: "nested" },
      apiKey: "cto_1234567890",
      client_secret: "c",
      items: [{ sessionToken: "s" }],
    };
    expect(redact(input)).toEqual({
      password: "[redacted]",
      newPassword: "[redacted]",
      passwordHash: "[redacted]",
      body: { currentPassword: "[redacted]", profile: { name: "Ada" } },
      headers: {
        Authorization: "[redacted]",
        cookie: "[redacted]",
        "set-cookie": "[redacted]",
        "x-api-key": "[redacted]",
        "X-Telegram-Bot-Api-Secret-Token": "[redacted]",
      },
      token: "[redacted]",
      resetToken: "[redacted]",
      accessToken: "[redacted]",
      apiKey: "[redacted]",
      client_secret: "[redacted]",
      items: [{ sessionToken: "[redacted]" }],
    });
    expect(input.password).toBe("correct horse battery staple");
  });

  it("keeps what only looks like a secret key: usage counts, ids, empty values", () => {
    expect(
      redact({ promptTokens: 120, totalTokens: 300, apiKeyId: "k1", tokenHash: "abc", password: null, token: "" }),
    ).toEqual({
      promptTokens: 120,
      totalTokens: 300,
      apiKeyId: "k1",
      tokenHash: "abc",
      password: null,
      token: "",
    });
  });

  it("removes emails, bearer credentials, Cto API keys, secret query parameters and URL credentials from text", () => {
    expect(redactText("reset sent to Ada.Lovelace+cto@mail.example.co.uk, cc bob@example.com")).toBe(
      "reset sent to [email], cc [email]",
    );
    expect(redactText("Authorization: Bearer eyJhbGciOi.J9.x-y_z and Basic dXNlcjpwYXNz")).toBe(
      "Authorization: Bearer [redacted] and Basic [redacted]",
    );
    expect(redactText("key cto_AbCdEf0123456789 used")).toBe("key [redacted] used");
    expect(redactText("GET /auth/verify-email?token=abc123&next=/home#x")).toBe(
      "GET /auth/verify-email?token=[redacted]&next=/home#x",
    );
    expect(redactText("retry with password=hunter2 and api_key=k1 but not keyboard=qwerty")).toBe(
      "retry with password=[redacted] and api_key=[redacted] but not keyboard=qwerty",
    );
    expect(redactText("connect postgresql://cto:s3cret@db.internal:5432/cto and redis://:pw@cache:6379")).toBe(
      "connect postgresql://[redacted]@db.internal:5432/cto and redis://[redacted]@cache:6379",
    );
    expect(redactText("redis://127.0.0.1:6379 is fine")).toBe("redis://127.0.0.1:6379 is fine");
  });

  it("finds each kind of secret however the text around it is written, and leaves text without one as it is", () => {
    const secrets = [
      "job failed at postgresql://app:hunter2@db:5432/cto",
      "sent to Ada.Lovelace@Example.org",
      "header BEARER abc.def",
      "header basic dXNlcjpwYXNz",
      "key cto_live_abcdefgh123",
      "callback ?code=4/0Ab123&state=x",
    ];
    for (const text of secrets) expect(redactText(text), text).not.toBe(text);
    const plain = "reminders/due 0b6a4c1e-5f7d-4c49-9c1b-2f1c3a9d8e77 completed in 12 ms (attempt 1: ok)";
    expect(redactText(plain)).toBe(plain);
  });

  it("turns errors into plain data, redacting message, stack, own fields and causes", () => {
    const cause = new Error("db said no for eve@example.com");
    const error = Object.assign(new Error("sign-up failed for eve@example.com", { cause }), {
      code: "P2002",
      password: "x",
    });
    const out = redact(error) as Record<string, unknown>;
    expect(out).toMatchObject({
      type: "Error",
      message: "sign-up failed for [email]",
      code: "P2002",
      password: "[redacted]",
      cause: { message: "db said no for [email]" },
    });
    expect(String(out.stack)).not.toContain("eve@example.com");
  });

  it("survives cycles, shared references, depth, long arrays, buffers, headers and maps", () => {
    const shared = { email: "x@y.io" };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: { email: "[email]" }, b: { email: "[email]" }, self: "[circular]" });
    let deep: Record<string, unknown> = { leaf: "a@b.cd" };
    for (let i = 0; i < 20; i += 1) deep = { deep };
    expect(JSON.stringify(redact(deep))).toContain("[too deep]");
    const long = redact(Array.from({ length: 250 }, (_, i) => i)) as unknown[];
    expect(long).toHaveLength(101);
    expect(long.at(-1)).toBe("[150 more]");
    expect(redact({ file: Buffer.from("secret bytes") })).toEqual({ file: "[12 bytes]" });
    expect(redact(new Headers({ authorization: "Bearer x", accept: "text/html" }))).toEqual({
      authorization: "[redacted]",
      accept: "text/html",
    });
    expect(
      redact(
        new Map([
          ["cookie", "a"],
          ["ok", "b"],
        ]),
      ),
    ).toEqual({ cookie: "[redacted]", ok: "b" });
    const when = new Date(0);
    expect(redact({ when })).toEqual({ when });
  });

  it("handles hostile text without slowing down", () => {
    const hostile = `${"a".repeat(50_000)}@${"b".repeat(50_000)}`;
    const started = performance.now();
    redactText(hostile);
    redactText(`${"x@".repeat(20_000)}`);
    redactText(`Bearer ${"=".repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
