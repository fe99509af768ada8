import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { serve } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chromiumLaunchOptions } from "@cto/vitest-config/chromium";

import { SCALAR_BUNDLE } from "../src/middleware/security-headers.ts";
import { startApi, type Harness } from "./harness.ts";

const run = promisify(execFile);
/**
 * The exact file the page loads from jsDelivr, taken from the npm registry with npm's own client
 * (jsDelivr serves npm's files unchanged; the sandbox reaches the registry, not the CDN), kept in
 * node_modules/.cache so later runs need no network.
 */
const pinnedBundle = async () => {
  const [, name, version] = /\/npm\/(@scalar\/api-reference)@([^/]+)\//.exec(SCALAR_BUNDLE.url)!;
  const cached = path.join(
    import.meta.dirname,
    "..",
    "node_modules",
    ".cache",
    "cto-docs",
    `api-reference-${version}-standalone.js`,
  );
  if (!(await stat(cached).catch(() => null))) {
    const folder = await mkdtemp(path.join(tmpdir(), "cto-scalar-"));
    try {
      const { stdout } = await run("npm", ["pack", `${name}@${version}`, "--silent", "--pack-destination", folder], {
        timeout: 240_000,
      });
      await run("tar", [
        "-xzf",
        path.join(folder, stdout.trim().split("\n").at(-1)!),
        "-C",
        folder,
        "package/dist/browser/standalone.js",
      ]);
      await mkdir(path.dirname(cached), { recursive: true });
      await run("cp", [path.join(folder, "package/dist/browser/standalone.js"), cached]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  return readFile(cached);
};

let harness: Harness;
let server: Server;
let origin: string;
let browser: Browser;
let bundle: Buffer;
beforeAll(async () => {
  [harness, bundle, browser] = await Promise.all([startApi(), pinnedBundle(), chromium.launch(chromiumLaunchOptions)]);
  server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: harness.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started as Server),
    );
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await harness?.close();
});

/** Opens /docs with the CDN answered from `script`; records CSP violations and every request leaving the API. */
const openDocs = async (script: Buffer) => {
  const page: Page = await browser.newPage();
  const violations: string[] = [];
  const elsewhere: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Subresource Integrity|integrity/i.test(message.text()))
      violations.push(message.text());
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    elsewhere.push(url);
    if (url === SCALAR_BUNDLE.url)
      return route.fulfill({
        body: script,
        contentType: "application/javascript; charset=utf-8",
        headers: { "access-control-allow-origin": "*" },
      });
    return route.abort();
  });
  await page.goto(`${origin}/docs`);
  return { page, violations, elsewhere };
};

describe("GET /docs", () => {
  it("renders the reference from the pinned, hash-checked bundle, with no Content-Security-Policy violation", async () => {
    const { page, violations, elsewhere } = await openDocs(bundle);
    await page.getByText("Sign in with email and password").first().waitFor({ timeout: 60_000 });
    await page.getByText("Cto API").first().waitFor();
    // Nothing on the page that would need a server the policy refuses.
    for (const text of ["Ask AI", "Developer Tools"]) expect(await page.getByText(text).count()).toBe(0);
    expect(violations).toEqual([]);
    // The bundle is the only thing fetched from outside the API (no fonts, no telemetry, no proxy).
    expect([...new Set(elsewhere)]).toEqual([SCALAR_BUNDLE.url]);
    await page.close();
  }, 120_000);

  it("runs nothing when the CDN serves anything but the pinned file", async () => {
    const tampered = Buffer.concat([bundle, Buffer.from("\n;window.__tampered = true;")]);
    const { page, violations } = await openDocs(tampered);
    await page.waitForTimeout(1_500);
    expect(await page.evaluate("'Scalar' in window || '__tampered' in window")).toBe(false);
    expect(violations.join("\n")).toMatch(/integrity/i);
    await page.close();
  }, 60_000);

  it("answers with a policy that allows exactly that script, the nonced start script and this API", async () => {
    const response = await fetch(`${origin}/docs`);
    const policy = response.headers.get("content-security-policy")!;
    const html = await response.text();
    const nonce = /nonce="([^"]+)"/.exec(html)![1];
    const directives = Object.fromEntries(
      policy
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives["script-src"]).toEqual([`'nonce-${nonce}'`, SCALAR_BUNDLE.url]);
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(html).toContain(
      `<script src="${SCALAR_BUNDLE.url}" integrity="${SCALAR_BUNDLE.integrity}" crossorigin="anonymous"`,
    );
    // A new nonce for every page.
    const again = await (await fetch(`${origin}/docs`)).text();
    expect(/nonce="([^"]+)"/.exec(again)![1]).not.toBe(nonce);
  });
});
