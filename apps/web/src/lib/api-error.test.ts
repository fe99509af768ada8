import { describe, expect, it } from "vitest";

import { ApiError, errorMessage, fieldError, networkError, toApiError } from "./api-error.ts";

describe("toApiError", () => {
  it("uses the API's message, code and request id", () => {
    const error = toApiError(409, {
      error: { code: "conflict", message: "An account with this email exists.", requestId: "req-1" },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect([error.message, error.status, error.code, error.requestId]).toEqual([
      "An account with this email exists.",
      409,
      "conflict",
      "req-1",
    ]);
  });

  it("maps field errors from details to their paths, as sentences", () => {
    const error = toApiError(400, {
      error: {
        code: "validation_failed",
        message: "The request is not valid.",
        requestId: "r",
        details: [
          { path: "password", message: "Use at least 10 characters." },
          { path: "email", message: "invalid email address" },
        ],
      },
    });
    expect(error.fields).toEqual({ password: "Use at least 10 characters.", email: "Invalid email address." });
  });

  it("keeps the first message when a path repeats", () => {
    const error = toApiError(400, {
      error: {
        code: "validation_failed",
        message: "x",
        requestId: "r",
        details: [
          { path: "title", message: "Too long" },
          { path: "title", message: "Other" },
        ],
      },
    });
    expect(error.fields.title).toBe("Too long.");
  });

  it("says when to try again after too many attempts", () => {
    const error = toApiError(
      429,
      { error: { code: "rate_limited", message: "Too many attempts.", requestId: "r" } },
      new Headers({ "retry-after": "42" }),
    );
    expect(error.message).toBe("Too many attempts. Try again in 42 seconds.");
    expect(toApiError(429, null, new Headers({ "retry-after": "600" })).message).toMatch(/Try again in 10 minutes\.$/);
  });

  it("falls back to a plain sentence when the body is not the API's error shape", () => {
    expect(toApiError(502, "<html>Bad gateway</html>").message).toBe(
      "Cto's server is not answering right now. Try again in a moment.",
    );
    expect(toApiError(500, null).code).toBe("internal_error");
    expect(toApiError(418, {}).message).toBe("The request could not be completed.");
  });
});

describe("networkError and errorMessage", () => {
  it("explains an unreachable server and a cancelled request", () => {
    expect(networkError(new TypeError("Failed to fetch")).message).toBe(
      "Cto cannot be reached. Check your connection and try again.",
    );
    expect(networkError(new DOMException("aborted", "AbortError")).code).toBe("aborted");
  });

  it("reads any thrown value", () => {
    expect(errorMessage(new ApiError("Nope.", 403, "forbidden"))).toBe("Nope.");
    expect(errorMessage(new Error("boom"))).toBe("boom");
    expect(errorMessage(42)).toBe("Something went wrong. Try again.");
  });
});

describe("fieldError", () => {
  const error = new ApiError("Check the highlighted fields.", 400, "validation_failed", {
    "currentSkills.1": "Must not repeat an item.",
    "preferences.timezone": "Not a known IANA timezone.",
  });
  it("finds a field's message, or one inside it", () => {
    expect(fieldError(error, "currentSkills")).toBe("Must not repeat an item.");
    expect(fieldError(error, "preferences.timezone")).toBe("Not a known IANA timezone.");
    expect(fieldError(error, "preferences")).toBe("Not a known IANA timezone.");
  });
  it("finds nothing for another field, a look-alike prefix or an error that is not the API's", () => {
    expect(fieldError(error, "targetSkills")).toBeUndefined();
    expect(fieldError(error, "currentSkill")).toBeUndefined();
    expect(fieldError(new Error("offline"), "currentSkills")).toBeUndefined();
    expect(fieldError(null, "currentSkills")).toBeUndefined();
  });
});
