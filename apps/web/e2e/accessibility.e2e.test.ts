import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { DEMO, screenshot, useE2e } from "./harness.ts";

// Evaluated by the test driver rather than added as a <script>: the pages' Content-Security-Policy refuses
// inline scripts, and the driver's own evaluation is not the page's code.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// WCAG 2.1 A and AA: labels, names, roles, contrast, landmarks (axe's rules for those levels).
const RUN_AXE = `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })`;

type TViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/** The page's serious and critical WCAG violations, one line each with where they are. */
const audit = async (page: Page) => {
  await page.evaluate(AXE_SOURCE);
  const { violations } = (await page.evaluate(RUN_AXE)) as { violations: TViolation[] };
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 4)
          .map((node) => node.target.join(" "))
          .join(" | ")}`,
    );
};

const SIGNED_IN_PAGES = [
  "/",
  "/chat",
  "/check-ins",
  "/goals",
  "/analysis",
  "/assistant",
  "/community",
  "/search?q=focus",
  "/reports",
  "/settings",
  "/admin",
];

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const e2e = useE2e();

  it("finds no serious or critical violations on the signed-out pages", async () => {
    const page = await e2e.newPage();
    const found: Record<string, string[]> = {};
    for (const path of ["/sign-in", "/sign-up", "/forgot-password"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      found[path] = await audit(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
  });

  it("finds no serious or critical violations on any signed-in page, with the demo data", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    // Detail pages too: one of the demo user's analysis sessions and one of their people.
    const demo = await e2e.stack.db.user.findUniqueOrThrow({ where: { email: DEMO.email } });
    const [session, person] = await Promise.all([
      e2e.stack.db.analysisSession.findFirstOrThrow({ where: { userId: demo.id } }),
      e2e.stack.db.person.findFirstOrThrow({ where: { userId: demo.id } }),
    ]);
    const pages = [...SIGNED_IN_PAGES, `/analysis/${session.id}`, `/assistant/person/${person.id}`];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      found[path] = await audit(page);
    }
    expect(found).toEqual(Object.fromEntries(pages.map((path) => [path, []])));
  });

  it("finds none in the dark theme either, signed in (preferences.theme) and signed out (this device's choice)", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    const saved = await page.request.patch("/api/me", {
      data: { preferences: { theme: "dark" } },
      headers: { origin: e2e.stack.webUrl },
    });
    expect(saved.ok()).toBe(true);
    const demo = await e2e.stack.db.user.findUniqueOrThrow({ where: { email: DEMO.email } });
    const [session, person] = await Promise.all([
      e2e.stack.db.analysisSession.findFirstOrThrow({ where: { userId: demo.id } }),
      e2e.stack.db.person.findFirstOrThrow({ where: { userId: demo.id } }),
    ]);
    const pages = [...SIGNED_IN_PAGES, `/analysis/${session.id}`, `/assistant/person/${person.id}`, "/welcome"];
    const found: Record<string, string[]> = {};
    try {
      for (const path of pages) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe("dark");
        found[path] = await audit(page);
      }
      await screenshot(page, "dark-settings");
      await page.goto("/");
      await page.getByTestId("dashboard-ready").waitFor();
      await screenshot(page, "dark-dashboard");
      // Signing out keeps this device's theme for the signed-out pages.
      await page.context().clearCookies();
      for (const path of ["/sign-in", "/sign-up"]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe("dark");
        found[path] = await audit(page);
      }
    } finally {
      await e2e.stack.db.user.update({
        where: { id: demo.id },
        data: { preferences: { ...(demo.preferences as object), theme: "system" } },
      });
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
  });

  it("finds none on a phone either, with the menu open", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signIn(page);
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: /menu/i }).first().click();
    expect(await audit(page)).toEqual([]);
  });
});
