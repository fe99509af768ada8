import { describe, expect, it } from "vitest";

import { ApiError, unwrap, unwrapOrNull } from "./api-client.ts";

const answer = (status: number, body: unknown) =>
  Promise.resolve({ ...(status < 400 ? { data: body } : { error: body }), response: new Response(null, { status }) });

describe("unwrapOrNull", () => {
  it("gives the data of a successful answer", async () => {
    await expect(unwrapOrNull(answer(200, { id: "a" }), 404)).resolves.toEqual({ id: "a" });
  });

  it("turns the one expected status into null", async () => {
    await expect(
      unwrapOrNull(answer(404, { error: { code: "not_found", message: "No context profile yet." } }), 404),
    ).resolves.toBeNull();
  });

  it("still throws any other failure, in words", async () => {
    const failure = unwrapOrNull(answer(500, null), 404);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow("Something went wrong on our side");
    await expect(unwrapOrNull(answer(401, null), 404)).rejects.toMatchObject({ status: 401 });
  });

  it("throws a network error when no answer came", async () => {
    await expect(unwrap(Promise.reject(new TypeError("fetch failed")))).rejects.toMatchObject({
      code: "network_error",
    });
    await expect(unwrapOrNull(Promise.reject(new TypeError("fetch failed")), 404)).rejects.toMatchObject({
      code: "network_error",
    });
  });
});
