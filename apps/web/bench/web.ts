// pnpm bench:web — the web app's two budgets, measured on the built app against the seeded demo data:
// initial JS (the entry chunk and what it imports statically, gzip) and navigation → dashboard usable.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { build } from "vite";

import { DEMO_PASSWORD, DEMO_USER } from "@cto/db/seed";
import { createEmbeddedTestDatabase, createPostgresTestDatabase, probePostgres } from "@cto/db/testing";

import { launchBrowser } from "../e2e/browser.ts";
import { startStack, WEB_ROOT } from "../e2e/stack.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_KB = 150;
const BUDGET_MS = 1000;
const READY = '[data-testid="dashboard-ready"]';

type TPhases = { html: number; entryJs: number; session: number; dashboardJs: number; lastApi: number };

/**
 * Runs in the page: when each step of the critical path finished (resource timing, ms from navigation
 * start). A string, because tsx's helpers (\`__name\`) would be missing in the page.
 */
const READ_PHASES = `(() => {
  const resources = performance.getEntriesByType("resource");
  const ended = (test) => Math.max(0, ...resources.filter((entry) => test(new URL(entry.name).pathname)).map((entry) => entry.responseEnd));
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    html: navigation ? navigation.responseEnd : 0,
    entryJs: ended((name) => /^\\/assets\\/index-.*\\.js$/.test(name)),
    session: ended((name) => name === "/api/auth/session"),
    dashboardJs: ended((name) => /^\\/assets\\/dashboard-page-.*\\.js$/.test(name)),
    lastApi: ended((name) => name.startsWith("/api/")),
  };
})()`;

// `vite build`'s output (vite.config.ts): the production server's build sits beside it in dist/server.
const CLIENT_DIST = path.join(WEB_ROOT, "dist", "client");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The files index.html loads before any route: the entry script, its modulepreloads and stylesheets. */
const initialAssets = async () => {
  const dist = CLIENT_DIST;
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
  const sizes = await Promise.all(
    refs.map(async (ref) => ({ ref, gzip: gzipSync(await readFile(path.join(dist, ref))).length })),
  );
  const js = sizes.filter((entry) => entry.ref.endsWith(".js"));
  const css = sizes.filter((entry) => entry.ref.endsWith(".css"));
  return {
    js,
    jsKb: js.reduce((sum, entry) => sum + entry.gzip, 0) / 1024,
    cssKb: css.reduce((sum, entry) => sum + entry.gzip, 0) / 1024,
  };
};

const openDatabase = async () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const probe = await probePostgres(adminUrl);
  if (probe.ok) return createPostgresTestDatabase(adminUrl, { migrate: true });
  console.log(`(real PostgreSQL unavailable: ${probe.reason}; using the embedded database)`);
  return createEmbeddedTestDatabase({ migrate: true });
};

const main = async () => {
  // Build what ships (React's production build); the API and seed below run as in development.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  await build({ root: WEB_ROOT, mode: "production", logLevel: "warn" });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const assets = await initialAssets();

  const stack = await startStack(await openDatabase(), { distDir: CLIENT_DIST });
  const browser = await launchBrowser();
  try {
    const signedIn = await browser.newContext({ baseURL: stack.webUrl });
    const answer = await signedIn.request.post("/api/auth/sign-in", {
      data: { email: DEMO_USER.email, password: DEMO_PASSWORD },
      headers: { origin: stack.webUrl },
    });
    if (!answer.ok()) throw new Error(`sign-in failed: ${answer.status()}`);
    const storageState = await signedIn.storageState();
    await signedIn.close();

    const timings: number[] = [];
    const phases: TPhases[] = [];
    // One warm-up run (the API's first queries compile plans), then cold-cache browser contexts.
    for (let run = 0; run <= RUNS; run += 1) {
      const context = await browser.newContext({ baseURL: stack.webUrl, storageState });
      const page = await context.newPage();
      await page.goto("/", { waitUntil: "commit" });
      // Checked in the page every frame and timed there (performance.now() counts from the navigation's
      // start), so the figure does not include the round trips of a poll from outside.
      const ready = await page.waitForFunction(
        (selector) => (document.querySelector(selector) ? performance.now() : false),
        READY,
        { polling: "raf", timeout: 15_000 },
      );
      const elapsed = (await ready.jsonValue()) as number;
      if (run > 0) {
        timings.push(elapsed);
        phases.push((await page.evaluate(READ_PHASES)) as TPhases);
      }
      await context.close();
    }

    const time = median(timings);
    const line = (label: string, value: string, budget: string, ok: boolean) =>
      console.log(
        `${label.padEnd(34)} ${value.padStart(10)}   budget ${budget.padEnd(10)} ${ok ? "ok" : "OVER BUDGET"}`,
      );
    console.log("\nweb app budgets (built app, headless Chromium, seeded demo data)\n");
    line("initial JS (gzip)", `${assets.jsKb.toFixed(1)} KB`, `≤ ${BUDGET_KB} KB`, assets.jsKb <= BUDGET_KB);
    for (const file of assets.js)
      console.log(`  ${file.ref.padEnd(32)} ${(file.gzip / 1024).toFixed(1).padStart(8)} KB`);
    console.log(`  (CSS, not counted: ${assets.cssKb.toFixed(1)} KB gzip)`);
    line(`navigation → dashboard usable`, `${time.toFixed(0)} ms`, `< ${BUDGET_MS} ms`, time < BUDGET_MS);
    console.log(
      `  median of ${RUNS} runs; min ${Math.min(...timings).toFixed(0)} ms, max ${Math.max(...timings).toFixed(0)} ms`,
    );
    const at = (key: keyof TPhases) => `${median(phases.map((phase) => phase[key])).toFixed(0)} ms`;
    console.log(
      `  where it goes (medians, from navigation start): HTML ${at("html")} · entry JS ${at("entryJs")} · session answered ${at("session")} · dashboard code ${at("dashboardJs")} · last API answer ${at("lastApi")}`,
    );
  } finally {
    await browser.close();
    await stack.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
