import { describe, expect, it } from "vitest";

import { createApp } from "../src/app.ts";
import { GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { API_VERSION_HEADER } from "../src/middleware/api-version.ts";
import { WEB_ORIGIN } from "./harness.ts";
import { fieldPaths, useApi } from "./support/api.ts";

const { harness, users } = useApi({ users: ["ada"] });
const [ada] = users;

const goalTitles = async () => {
  const { body } = await ada.request("GET", "/goals");
  return body.items.map((goal: { title: string }) => goal.title).sort();
};

describe("API versions", () => {
  it("serves every route both unversioned and under /v1, the same route with the same answer, and names the version", async () => {
    const created = await ada.request("POST", "/v1/goals", { title: "Ship the versioned API", period: "weekly" });
    expect(created.status).toBe(201);
    expect(created.headers.get(API_VERSION_HEADER)).toBe("1");

    const plain = await ada.request("GET", `/goals/${created.body.id}`);
    const versioned = await ada.request("GET", `/v1/goals/${created.body.id}`);
    expect(versioned.status).toBe(200);
    expect(versioned.body).toEqual(plain.body);
    expect(plain.headers.get(API_VERSION_HEADER)).toBe("1");

    // Errors, validation and "no such route" alike answer as version 1 under /v1.
    const missing = await ada.request("GET", "/v1/goals/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get(API_VERSION_HEADER)).toBe("1");
    const invalid = await ada.request("POST", "/v1/goals", { title: "", period: "fortnightly" });
    expect(invalid.status).toBe(400);
    expect(fieldPaths(invalid)).toEqual(["period", "title"]);
    expect((await ada.request("GET", "/v1/no-such-thing")).body.error?.message).toBe("No route GET /no-such-thing.");
    // Only a whole path segment is a version.
    expect((await ada.request("GET", "/v1goals")).status).toBe(404);
    expect(await goalTitles()).toEqual(["Ship the versioned API"]);
  });

  it("refuses a version it does not speak, in the path (404) or in the header (400 naming it), and changes nothing", async () => {
    for (const path of ["/v2/goals", "/v10/goals", "/v2"]) {
      const response = await ada.request("POST", path, { title: "From the future", period: "weekly" });
      expect(response.status, path).toBe(404);
      expect(response.body.error?.message).toMatch(/^API version \d+ is not served here; this server speaks version 1/);
    }
    for (const asked of ["2", "one", "", "1.1"]) {
      const response = await ada.request(
        "POST",
        "/goals",
        { title: "From the future", period: "weekly" },
        { [API_VERSION_HEADER]: asked },
      );
      expect(response.status, asked).toBe(400);
      expect(fieldPaths(response)).toEqual(["headers.cto-api-version"]);
    }
    const pinned = await ada.request("GET", "/v1/goals", undefined, { [API_VERSION_HEADER]: "1" });
    expect(pinned.status).toBe(200);
    expect(await goalTitles()).toEqual(["Ship the versioned API"]);
  });

  it("lets a browser send and read the version header across origins", async () => {
    const preflight = await harness.app.request("/v1/goals", {
      method: "OPTIONS",
      headers: {
        origin: WEB_ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, cto-api-version",
      },
    });
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("cto-api-version");
    const answer = await ada.request("GET", "/v1/goals");
    expect(answer.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("cto-api-version");
  });

  it("applies the same limits under /v1: sign-in attempts through both paths count together", async () => {
    const app = createApp({
      db: harness.db,
      mailer: harness.mailer,
      ai: harness.ai,
      config: { ...harness.config, authLimits: { ...GENEROUS_AUTH_LIMITS, address: { limit: 3, windowMs: 60_000 } } },
    });
    const statuses: number[] = [];
    for (const path of ["/auth/sign-in", "/v1/auth/sign-in", "/auth/sign-in", "/v1/auth/sign-in", "/auth/sign-in"]) {
      const response = await app.request(
        path,
        {
          method: "POST",
          headers: { origin: WEB_ORIGIN, "content-type": "application/json" },
          body: JSON.stringify({ email: ada.email, password: "wrong guess" }),
        },
        { incoming: { socket: { remoteAddress: "198.51.100.23" } } },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
