import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";

import { startCalendarProviders, type TCalendarProviders } from "@cto/api/testing/calendar-providers";
import { startTestIdentityProvider, type TTestIdentityProvider } from "@cto/api/testing/identity-provider";
import { DEMO_PASSWORD, DEMO_USER } from "@cto/db/seed";
import { testTargets } from "@cto/db/testing";

import { launchBrowser, screenshot } from "./browser.ts";
import { createEmbeddedFromTemplate, type TE2eTarget } from "./targets.ts";
import { startStack, type TStack } from "./stack.ts";

export { screenshot };
export const DEMO = { email: DEMO_USER.email, password: DEMO_PASSWORD, name: DEMO_USER.name };

export type TMail = { to: string; subject: string; text: string; sentAt: number };

export type TE2e = {
  stack: TStack;
  browser: Browser;
  /** A new browser context (own cookies) and page on the web app; closed after the test. */
  /**
   * A page in a context of its own. Service workers are blocked unless `serviceWorkers: "allow"`: a worker
   * answering the app's requests would hide them from `page.route`, which other specs use.
   */
  newPage: (options?: {
    viewport?: { width: number; height: number };
    serviceWorkers?: "allow" | "block";
    /** The browser's language (navigator.language(s), Accept-Language); British English unless told. */
    locale?: string;
  }) => Promise<Page>;
  /** Signs the page's context in through the API (fast); use the UI when the test is about signing in. */
  signIn: (page: Page, credentials?: { email: string; password: string }) => Promise<void>;
  /** Signs up a fresh user through the API and signs the page in as them. */
  signUpFresh: (page: Page, name?: string) => Promise<{ email: string; password: string }>;
  /** What the Content-Security-Policy blocked so far in this test, now cleared (any left over fails the test). */
  takeCspViolations: () => string[];
  /** The dev outbox (GET /dev/outbox), newest first. */
  outbox: () => Promise<TMail[]>;
  /**
   * With `identityProvider`, a real OpenID provider the API offers as "Test ID" (the API's test one,
   * apps/api/test/support/identity-provider.ts): its accounts, and its own sign-in page for the browser.
   */
  identityProvider: TTestIdentityProvider;
  /** With `calendarProviders`, Google's and Microsoft's stand-ins the Calendars card connects (and the worker syncs). */
  calendarProviders: TCalendarProviders;
};

let counter = 0;

/**
 * A fresh migrated database on the project's target (see vitest.config.ts): the embedded one from the
 * run's migrated template, or real PostgreSQL (the embedded one when no server is there, which
 * @cto/db's global setup allows only outside CI).
 */
const createDatabase = async (target: TE2eTarget) => {
  if (target === "embedded") return createEmbeddedFromTemplate(inject("ctoE2eEmbeddedTemplate"));
  return testTargets()[0]!.createMigrated();
};

/**
 * One e2e fixture per test file: a fresh migrated database with the demo data, the API, the built SPA
 * and one Chromium; with `worker`, the real worker too (needs Redis; see `startStack`); with
 * `identityProvider`, an OpenID provider to sign in with (`e2e.identityProvider`).
 */
export const useE2e = ({
  worker = false,
  identityProvider = false,
  calendarProviders = false,
  webHost,
}: {
  worker?: boolean;
  identityProvider?: boolean;
  calendarProviders?: boolean;
  /** The web app's host name (see startStack): `localhost` for passkeys. */
  webHost?: "127.0.0.1" | "localhost";
} = {}): TE2e => {
  const contexts: BrowserContext[] = [];
  // What the pages' Content-Security-Policy blocked during the test: each one fails it.
  const cspViolations: string[] = [];
  const handle = { contexts } as unknown as TE2e;
  beforeAll(async () => {
    const database = await createDatabase(inject("ctoE2eTarget"));
    const oauthProviders = async (callbackBaseUrl: string) => {
      handle.identityProvider = await startTestIdentityProvider({ callbackBaseUrl });
      return handle.identityProvider.oauthProviders();
    };
    if (calendarProviders) handle.calendarProviders = await startCalendarProviders();
    handle.stack = await startStack(database, {
      worker,
      distDir: inject("ctoE2eDist"),
      ...(identityProvider ? { oauthProviders } : {}),
      ...(calendarProviders ? { calendarProviders: handle.calendarProviders } : {}),
      ...(webHost ? { webHost } : {}),
    });
    handle.browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const blocked = cspViolations.splice(0);
    if (blocked.length) throw new Error(`The Content-Security-Policy blocked:\n${blocked.join("\n")}`);
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.stack?.close();
    await handle.identityProvider?.close();
    await handle.calendarProviders?.close();
  });
  handle.newPage = async ({
    viewport = { width: 1280, height: 800 },
    serviceWorkers = "block",
    locale = "en-GB",
  } = {}) => {
    const context = await handle.browser.newContext({
      baseURL: handle.stack.webUrl,
      viewport,
      serviceWorkers,
      locale,
      timezoneId: "UTC",
    });
    contexts.push(context);
    // The app runs under the policy the production server sends (server/content-security-policy.ts); what it
    // blocks is reported here, so a page that needs more than the policy allows fails its test.
    await context.exposeBinding("ctoCspViolation", (_source, text: string) => void cspViolations.push(text));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const report = (window as unknown as { ctoCspViolation: (text: string) => Promise<void> }).ctoCspViolation;
        void report(`${event.effectiveDirective}: ${event.blockedURI || "inline"} on ${location.pathname}`);
      });
    });
    const page = await context.newPage();
    // Generous: on a loaded two-core machine one API answer can take seconds; a real failure still fails.
    page.setDefaultTimeout(30_000);
    // A crash in the app shows up in the test output, not only as a missing element.
    page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
    page.on("console", (message) => message.type() === "error" && console.error(`[browser console] ${message.text()}`));
    return page;
  };
  const post = async (page: Page, path: string, data: unknown) => {
    const response = await page.request.post(`/api${path}`, { data, headers: { origin: handle.stack.webUrl } });
    if (!response.ok()) throw new Error(`POST ${path} answered ${response.status()}: ${await response.text()}`);
  };
  handle.signIn = (page, credentials = DEMO) =>
    post(page, "/auth/sign-in", { email: credentials.email, password: credentials.password });
  handle.signUpFresh = async (page, name = "Alex Tester") => {
    const credentials = {
      email: `e2e-${Date.now()}-${counter++}@example.com`,
      password: "correct horse battery staple",
    };
    await post(page, "/auth/sign-up", { ...credentials, name });
    return credentials;
  };
  handle.takeCspViolations = () => cspViolations.splice(0);
  handle.outbox = async () => {
    const response = await fetch(`${handle.stack.apiUrl}/dev/outbox`);
    return ((await response.json()) as { items: TMail[] }).items;
  };
  return handle;
};

/** Waits (up to the page's timeout) for the locator to be visible; fails the test otherwise. */
export const expectVisible = async (locator: import("playwright-core").Locator) => {
  await locator.first().waitFor({ state: "visible" });
};
