import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

// openapi-fetch takes fetch when the client is made (on import): replace it first.
const calls = vi.hoisted(() => {
  const state = { sent: [] as Array<{ method: string; url: string }>, status: 200 };
  globalThis.fetch = (async (input: Request) => {
    state.sent.push({ method: input.method, url: input.url });
    const body =
      state.status === 200
        ? { status: "unsubscribed", list: "nudges" }
        : {
            error: { code: "bad_request", message: "This unsubscribe link is invalid or has expired.", requestId: "t" },
          };
    return new Response(JSON.stringify(body), {
      status: state.status,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return state;
});

vi.mock("@tanstack/react-router", () => ({
  Link: ({ children }: { children: unknown }) => children,
  useSearch: () => ({}),
}));

import { Unsubscribe } from "./unsubscribe-page.tsx";

afterEach(() => {
  cleanup();
  calls.sent.length = 0;
  calls.status = 200;
});

const renderFor = (token: string) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Unsubscribe token={token} />
    </QueryClientProvider>,
  );

describe("Unsubscribe page", () => {
  it("changes nothing when opened; its one button POSTs the token and says it is done", async () => {
    renderFor("nudges.abc_DEF-1");
    expect(screen.getByRole("button", { name: "Stop nudge emails" })).toBeTruthy();
    expect(calls.sent).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Stop nudge emails" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/no more nudge emails/));
    expect(calls.sent).toHaveLength(1);
    expect(calls.sent[0]!.method).toBe("POST");
    expect(new URL(calls.sent[0]!.url).pathname).toBe("/api/unsubscribe");
    expect(new URL(calls.sent[0]!.url).searchParams.get("token")).toBe("nudges.abc_DEF-1");
  });

  it("shows the API's refusal of a bad link and keeps the button", async () => {
    calls.status = 400;
    renderFor("nudges.forged");
    fireEvent.click(screen.getByRole("button", { name: "Stop nudge emails" }));
    await waitFor(() => expect(screen.getByText(/invalid or has expired/)).toBeTruthy());
    expect(screen.getByRole("button", { name: "Stop nudge emails" })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("says an incomplete link is incomplete and offers no button", () => {
    renderFor("");
    expect(screen.getByText(/This link is incomplete/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
