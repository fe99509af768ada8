import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { TProvider } from "../api/providers.ts";
import { ProviderButtons } from "./provider-buttons.tsx";

afterEach(cleanup);

// The list as GET /auth/providers answered it, already in the cache (it stays fresh for five minutes: no request).
const renderWith = (providers: TProvider[]) => {
  const client = new QueryClient();
  client.setQueryData(["auth-providers"], { providers });
  return render(
    <QueryClientProvider client={client}>
      <ProviderButtons />
    </QueryClientProvider>,
  );
};

describe("ProviderButtons", () => {
  it("offers one 'Continue with …' per configured provider, each a navigation to the API's start", () => {
    renderWith([
      { id: "github", name: "GitHub", kind: "github" },
      { id: "acme-sso", name: "Acme SSO", kind: "oidc" },
    ]);
    expect(screen.getByRole("link", { name: "Continue with GitHub" }).getAttribute("href")).toBe(
      "/api/auth/oauth/github/start",
    );
    expect(screen.getByRole("link", { name: "Continue with Acme SSO" }).getAttribute("href")).toBe(
      "/api/auth/oauth/acme-sso/start",
    );
  });

  it("shows nothing when no provider is configured", () => {
    const { container } = renderWith([]);
    expect(container.textContent).toBe("");
  });
});
