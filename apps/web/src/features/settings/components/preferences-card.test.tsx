import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

// openapi-fetch takes fetch when the client is made (on import): replace it first.
const requests = vi.hoisted(() => {
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  globalThis.fetch = (async (input: Request) => {
    const body = input.method === "GET" ? null : await input.clone().json();
    sent.push({ method: input.method, url: input.url, body });
    return new Response(JSON.stringify({ ...(globalThis as { storedUser?: object }).storedUser, ...(body ?? {}) }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return sent;
});

import { ToastProvider } from "../../../components/ui/toast.tsx";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";
import { PreferencesCard } from "./preferences-card.tsx";

afterEach(() => {
  cleanup();
  requests.length = 0;
});

const renderWith = (user: { emailVerified: number | null; preferences: object }) => {
  const stored = { id: "u1", email: "ann@example.com", name: "Ann", ...user };
  (globalThis as { storedUser?: object }).storedUser = stored;
  const client = new QueryClient();
  client.setQueryData(SESSION_QUERY_KEY, { user: stored } as never);
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <PreferencesCard />
      </ToastProvider>
    </QueryClientProvider>,
  );
};
const box = (name: RegExp) => screen.getByRole("checkbox", { name }) as HTMLInputElement;
const savedNudges = () => {
  const patch = requests.find((request) => request.method === "PATCH");
  return (patch!.body as { preferences: { coachNudges: object } }).preferences.coachNudges;
};

describe("PreferencesCard: nudge channels", () => {
  it("starts with email off and in-app and Telegram as the reminders', and saves the three switches", async () => {
    renderWith({ emailVerified: null, preferences: { notificationPrefs: { telegram: false } } });
    const nudges = screen.getByRole("group", { name: "Send nudges to" });
    expect(nudges).toBeTruthy();
    expect(box(/^Nudges by email, to ann@example\.com$/).checked).toBe(false);
    expect(box(/^Nudges in Cto/).checked).toBe(true);
    expect(box(/^Nudges on Telegram/).checked).toBe(false);
    expect(box(/^Telegram, when a chat is linked/).checked).toBe(false);
    expect(screen.queryByText(/verified address/)).toBeNull();

    fireEvent.click(box(/^Nudges by email, to/));
    // Unverified: the switch is kept, and the page says why nothing is emailed yet.
    expect(screen.getByText(/go only to a verified address/)).toBeTruthy();
    fireEvent.click(box(/^Nudges in Cto/));
    fireEvent.click(screen.getByRole("button", { name: "Save preferences" }));
    await waitFor(() => expect(requests.some((request) => request.method === "PATCH")).toBe(true));
    expect(savedNudges()).toMatchObject({ channels: { inApp: false, telegram: false, email: true } });
  });

  it("shows the stored nudge channels, apart from the reminders', with no warning for a verified address", () => {
    renderWith({
      emailVerified: Date.now(),
      preferences: { coachNudges: { channels: { inApp: false, telegram: true, email: true } } },
    });
    expect(box(/^Nudges by email, to/).checked).toBe(true);
    expect(box(/^Nudges in Cto/).checked).toBe(false);
    expect(box(/^Nudges on Telegram/).checked).toBe(true);
    expect(box(/^Cto \(notifications on the dashboard\)/).checked).toBe(true);
    expect(screen.queryByText(/verified address/)).toBeNull();
  });

  it("hides the channels while nudges are off", () => {
    renderWith({ emailVerified: Date.now(), preferences: { coachNudges: { enabled: false } } });
    expect(screen.queryByRole("checkbox", { name: /^Nudges by email, to/ })).toBeNull();
  });
});
