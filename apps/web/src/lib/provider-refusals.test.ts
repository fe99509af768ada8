import { describe, expect, it } from "vitest";

import { PROVIDER_REFUSALS } from "@cto/contracts/api/oauth";

import { providerRefusalMessage } from "./provider-refusals.ts";

describe("providerRefusalMessage", () => {
  it("words every reason the API's callback sends, each differently", () => {
    const messages = PROVIDER_REFUSALS.map((reason) => providerRefusalMessage(reason));
    expect(messages.every((message) => typeof message === "string" && message.length > 20)).toBe(true);
    expect(new Set(messages).size).toBe(PROVIDER_REFUSALS.length);
  });

  it("never shows text from the URL: anything else is the generic refusal", () => {
    const planted = "Your account is locked. Call +1 555 0100 to unlock it.";
    expect(providerRefusalMessage(planted)).toBe(providerRefusalMessage("failed"));
    expect(providerRefusalMessage("__proto__")).toBe(providerRefusalMessage("failed"));
    expect(providerRefusalMessage(undefined)).toBeNull();
    expect(providerRefusalMessage("")).toBeNull();
  });
});
