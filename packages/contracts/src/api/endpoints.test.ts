import { describe, expectTypeOf, it } from "vitest";

import type { TApiBody, TApiItem, TApiQuery, TApiResponse, TApiStreamEvent } from "./endpoints.ts";

// Checked by the package's typecheck (tsc): a helper that lost its way turns a field into `never` or `unknown`.
describe("endpoint types from the OpenAPI document", () => {
  it("names a GET answer, a page's item and another status's answer", () => {
    expectTypeOf<TApiResponse<"/goals/{id}">["title"]>().toEqualTypeOf<string>();
    expectTypeOf<TApiResponse<"/goals/{id}">["period"]>().toEqualTypeOf<
      "daily" | "weekly" | "monthly" | "quarterly" | "yearly"
    >();
    expectTypeOf<TApiItem<"/tasks">["dueDate"]>().toEqualTypeOf<number | null>();
    expectTypeOf<
      TApiResponse<"/analysis-sessions/{id}/screenshot", "post", 202>["session"]["id"]
    >().toEqualTypeOf<string>();
    expectTypeOf<TApiResponse<"/analysis-sessions/{id}/screenshot", "post">>().toBeNever();
  });

  it("names a body, a query and a stream's events", () => {
    expectTypeOf<TApiBody<"/people", "post">["name"]>().toEqualTypeOf<string>();
    expectTypeOf<TApiBody<"/goals", "get">>().toBeNever();
    expectTypeOf<TApiQuery<"/search">["q"]>().toEqualTypeOf<string>();
    expectTypeOf<
      Extract<TApiStreamEvent<"/conversations/{id}/chat">, { event: "done" }>["data"]["message"]["content"]
    >().toEqualTypeOf<string>();
  });
});
