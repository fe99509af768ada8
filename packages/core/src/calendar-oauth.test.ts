import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  calendarOAuthFromEnv,
  GOOGLE_CALENDAR_SCOPE,
  MICROSOFT_CALENDAR_SCOPE,
  requireCalendarOAuthPairs,
  ZCalendarOAuthEnvSchema,
} from "./calendar-oauth.ts";

const parse = (env: Record<string, string>) =>
  ZCalendarOAuthEnvSchema.superRefine(requireCalendarOAuthPairs).safeParse(env);
const settingsOf = (env: Record<string, string>) => calendarOAuthFromEnv(ZCalendarOAuthEnvSchema.parse(env));

describe("calendar OAuth settings from the environment", () => {
  it("turns a provider on only with its id and secret, with the real endpoints by default", () => {
    expect(settingsOf({})).toEqual([]);
    const [google, microsoft, ...none] = settingsOf({
      CALENDAR_GOOGLE_CLIENT_ID: "g-id",
      CALENDAR_GOOGLE_CLIENT_SECRET: "g-secret",
      CALENDAR_MICROSOFT_CLIENT_ID: "m-id",
      CALENDAR_MICROSOFT_CLIENT_SECRET: "m-secret",
      CALENDAR_MICROSOFT_TENANT: "organizations",
    });
    expect(none).toEqual([]);
    expect(google).toMatchObject({
      provider: "google",
      authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
      tokenEndpoint: "https://oauth2.googleapis.com/token",
      apiUrl: "https://www.googleapis.com/calendar/v3",
      scope: GOOGLE_CALENDAR_SCOPE,
      authorizationParams: { access_type: "offline", prompt: "consent" },
      allowInsecure: false,
    });
    expect(microsoft).toMatchObject({
      provider: "microsoft",
      authorizationEndpoint: "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
      tokenEndpoint: "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
      apiUrl: "https://graph.microsoft.com/v1.0",
      scope: MICROSOFT_CALENDAR_SCOPE,
      allowInsecure: false,
    });
  });

  it("refuses an id without its secret, and a tenant that is not a name", () => {
    const half = parse({ CALENDAR_GOOGLE_CLIENT_ID: "g-id" });
    expect(half.success).toBe(false);
    expect(z.prettifyError(half.error!)).toContain("CALENDAR_GOOGLE_CLIENT_SECRET: set both, or neither");
    expect(parse({ CALENDAR_MICROSOFT_TENANT: "a/../b" }).success).toBe(false);
  });

  it("allows plain http only when every endpoint is on loopback (the tests' stand-ins)", () => {
    const google = (base: string) =>
      settingsOf({
        CALENDAR_GOOGLE_CLIENT_ID: "g-id",
        CALENDAR_GOOGLE_CLIENT_SECRET: "g-secret",
        CALENDAR_GOOGLE_AUTHORIZATION_URL: `${base}/auth`,
        CALENDAR_GOOGLE_TOKEN_URL: `${base}/token`,
        CALENDAR_GOOGLE_API_URL: `${base}/calendar/v3/`,
      })[0]!;
    expect(google("http://127.0.0.1:4000")).toMatchObject({
      allowInsecure: true,
      apiUrl: "http://127.0.0.1:4000/calendar/v3",
    });
    expect(google("http://calendar.example.com").allowInsecure).toBe(false);
  });
});
