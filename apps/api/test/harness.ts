// The set-up the suites not yet on test/support/api.ts use: untyped answers (`body: any`).
import { client, signUp } from "./support/api.ts";
import type { Harness } from "./support/harness.ts";
import { WEB_ORIGIN } from "./support/harness.ts";

export { startApi, WEB_ORIGIN, type Harness } from "./support/harness.ts";

type TUntypedClient = {
  request: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; headers: Headers; body: any }>;
  cookie: string;
};

/** A browser-like client: keeps the session cookie and sends the SPA's Origin, as the web app does. */
export const browser = (harness: Harness, origin = WEB_ORIGIN) => client(harness, origin) as TUntypedClient;

/** Signs up a new user through the API and returns a signed-in browser for them. */
export const signedUpBrowser = async (harness: Harness, name = "user") => (await signUp(harness, name)) as TUntypedClient & { email: string; userId: string };
