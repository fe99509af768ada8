import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { ToastProvider } from "../components/ui/toast.tsx";
import { applyLocale, startingLocale } from "../lib/i18n/index.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { SESSION_QUERY_KEY } from "../lib/session.ts";
import { applyTheme, rememberedTheme } from "../lib/theme.ts";
import { createAppRouter } from "./router.tsx";
import "./styles.css";

// The theme this device last showed, before the session (and its preference) is known: no flash of light.
applyTheme(rememberedTheme());

// When any request finds the session gone (expired, revoked elsewhere), forget it and go to sign-in.
const queryClient = createQueryClient({
  onUnauthorized: () => {
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
    void router.navigate({ to: "/sign-in", search: { redirect: router.state.location.href } });
  },
});
const router = createAppRouter(queryClient);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");
// The first paint is already in this device's language: its messages load (one small chunk) before it.
await applyLocale(startingLocale()).catch(() => undefined);
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
