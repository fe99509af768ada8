import { readFile } from "node:fs/promises";

import { createConfig, lintFromString } from "@redocly/openapi-core";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { paths } from "@cto/contracts/api/openapi";

import { buildOpenApiDocument } from "../src/openapi-document.ts";
import { OPENAPI_TYPES_PATH, renderOpenApiTypes } from "../src/openapi-types.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";

describe("the OpenAPI document", () => {
  it("passes the Redocly linter's recommended rules without errors", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(buildOpenApiDocument()),
      absoluteRef: "openapi.json",
      config,
    });
    const errors = problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it("matches the committed typed-client types (run `pnpm --filter @cto/api openapi:generate` after changing routes)", async () => {
    expect(await readFile(OPENAPI_TYPES_PATH, "utf8")).toBe(await renderOpenApiTypes());
  });
});

describe("a typed client generated from the document drives the API", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startApi();
  });
  afterAll(async () => harness?.close());

  it("signs up, creates and lists goals, and reads typed errors", async () => {
    let cookie = "";
    const client = createClient<paths>({
      baseUrl: "http://127.0.0.1:3000",
      fetch: async (request) => {
        const headers = new Headers(request.headers);
        headers.set("origin", WEB_ORIGIN);
        if (cookie) headers.set("cookie", cookie);
        const response = await harness.app.fetch(new Request(request, { headers }));
        cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
        return response;
      },
    });
    const signUp = await client.POST("/auth/sign-up", {
      body: { email: "typed@example.com", password: "typed client password" },
    });
    expect(signUp.response.status).toBe(201);
    expect(signUp.data?.user.email).toBe("typed@example.com");

    const created = await client.POST("/goals", { body: { title: "Typed goal", period: "monthly" } });
    expect(created.data?.period).toBe("monthly");
    const listed = await client.GET("/goals", { params: { query: { period: "monthly", limit: 10 } } });
    expect(listed.data?.items.map((goal) => goal.title)).toEqual(["Typed goal"]);

    const missing = await client.GET("/goals/{id}", {
      params: { path: { id: "00000000-0000-4000-8000-000000000000" } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe("not_found");
  });
});
