import { afterAll, beforeAll } from "vitest";

import type { TError } from "@cto/contracts/errors";
import type { TestTarget } from "@cto/db/testing";

import type { AppDependencies } from "../../src/app.ts";
import type { ApiConfig } from "../../src/context.ts";
import { startApi, WEB_ORIGIN, type Harness } from "../harness.ts";
import type { THttpMethod, TResponse } from "./responses.ts";

export type { THttpMethod, TResponse, TResponseBody } from "./responses.ts";

/** A browser-like client: keeps the session cookie and sends the SPA's Origin, as the web app does; its answers typed by route. */
export type TClient = {
  request: <M extends THttpMethod, P extends string>(
    method: M,
    path: P,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<TResponse<M, P>>;
  cookie: string;
};

/** A client signed in as a user of its own. */
export type TUser = TClient & { email: string; userId: string };

/** A browser on the API with no one signed in yet (it keeps the cookie a sign-in sets). */
export const visitor = (harness: Harness, origin = WEB_ORIGIN): TClient => {
  let cookie = "";
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await harness.app.request(path, {
      method,
      headers: {
        origin,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0]!.endsWith("=") ? "" : setCookie.split(";")[0]!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  return {
    request: request as TClient["request"],
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
  };
};

/** `user`'s session on another app (one the suite made with other dependencies), with its own cookie jar from there on. */
export const sameSession = (user: TClient, harness: Harness): TClient =>
  Object.assign(visitor(harness), { cookie: user.cookie });

let counter = 0;
/** Signs up a new user through the API (an address of its own, from `name`) and returns their signed-in client. */
export const signUp = async (harness: Harness, name = "user"): Promise<TUser> => {
  const signedIn = visitor(harness);
  const email = `${name}-${Date.now()}-${counter++}@example.com`;
  const response = await signedIn.request("POST", "/auth/sign-up", { email, password: "correct horse battery", name });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return Object.assign(signedIn, { email, userId: response.body.user.id });
};

/** The field paths a refusal (a 400) names in its details, sorted. */
export const fieldPaths = (response: { body: unknown }) =>
  ((response.body as Partial<TError> | null)?.error?.details ?? []).map((detail) => detail.path).sort();

export type TUseApiOptions = {
  config?: Partial<ApiConfig>;
  dependencies?: Partial<AppDependencies>;
  target?: TestTarget;
};

const notYet = (what: string) =>
  new Error(`${what} is used before useApi's beforeAll ran (use it inside a test or a later hook)`);

/**
 * The test set-up of a suite: the API on a fresh database (startApi) before its tests, a signed-in
 * user for each of `users`, and the database dropped after them. What it returns stands for those
 * from the start, so a suite reads `const { harness, users: [alice, bob] } = useApi({ users: ["alice", "bob"] })`.
 */
export const useApi = <const TNames extends readonly string[] = []>({
  users = [] as unknown as TNames,
  config = {},
  dependencies = {},
  target,
}: TUseApiOptions & { users?: TNames } = {}) => {
  let started: { harness: Harness; users: TUser[] } | undefined;
  beforeAll(async () => {
    const harness = await startApi(config, dependencies, target);
    started = { harness, users: [] };
    for (const name of users) started.users.push(await signUp(harness, name));
  });
  afterAll(async () => started?.harness.close());

  const live = () =>
    started ??
    (() => {
      throw notYet("the harness");
    })();
  const harness: Harness = {
    get app() {
      return live().harness.app;
    },
    get db() {
      return live().harness.db;
    },
    get database() {
      return live().harness.database;
    },
    get config() {
      return live().harness.config;
    },
    get mailer() {
      return live().harness.mailer;
    },
    get ai() {
      return live().harness.ai;
    },
    close: () => live().harness.close(),
  };
  const user = (index: number): TUser => {
    const current = () =>
      live().users[index] ??
      (() => {
        throw notYet(`user ${users[index]}`);
      })();
    return {
      request: ((...args: Parameters<TClient["request"]>) => current().request(...args)) as TClient["request"],
      get cookie() {
        return current().cookie;
      },
      set cookie(value: string) {
        current().cookie = value;
      },
      get email() {
        return current().email;
      },
      get userId() {
        return current().userId;
      },
    };
  };
  return { harness, users: users.map((_, index) => user(index)) as { [K in keyof TNames]: TUser } };
};
