import { startCalendarStandIn } from "@cto/core/testing/calendar-providers";

import { createCalendarOAuth } from "../../src/services/calendar-oauth.ts";

/**
 * Google's and Microsoft's stand-ins (@cto/core/testing/calendar-providers) for the web app's e2e: the
 * variables that point the worker at them, and the API's OAuth clients for them given where the
 * browser comes back (the web app's /api).
 */
export const startCalendarProviders = async () => {
  const google = await startCalendarStandIn("google");
  const microsoft = await startCalendarStandIn("microsoft");
  return {
    google,
    microsoft,
    env: { ...google.env, ...microsoft.env },
    calendarOAuth: (callbackBaseUrl: string) =>
      createCalendarOAuth([google.settings, microsoft.settings], callbackBaseUrl),
    close: async () => {
      await Promise.all([google.close(), microsoft.close()]);
    },
  };
};
export type TCalendarProviders = Awaited<ReturnType<typeof startCalendarProviders>>;
