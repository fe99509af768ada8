import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("admin", () => {
  const e2e = useE2e();

  it("shows an administrator AI usage and cost by model, by period, and the queue dashboard link", async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await page.waitForURL("**/admin");
    const usage = page.getByRole("region", { name: "AI usage and cost" });
    const table = usage.getByRole("table", { name: "AI usage by model" });
    await expectVisible(table.getByRole("rowheader", { name: "gpt-4o", exact: true }));
    await expectVisible(table.getByRole("rowheader", { name: "gpt-4o-mini" }));
    const totals = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "All models" }) });
    await expect(totals.getByRole("cell").allTextContents()).resolves.toEqual([
      "2",
      "1,050 ms",
      "220",
      "440",
      "$0.000084",
    ]);
    await expectVisible(usage.getByRole("img", { name: "Requests per model" }));
    await expect(page.getByRole("link", { name: /Open the queue dashboard/ }).getAttribute("href")).resolves.toBe(
      "/api/admin/queues",
    );
    // The board's page sets <base href="/admin/queues/">, so its assets and JSON calls come to /admin/queues/…:
    // the web server must hand those to the API, not answer with the SPA. This stack has no Redis, so the
    // API's own 503 (in its error shape) is what proves the request got there.
    for (const path of ["/api/admin/queues", "/admin/queues/static/js/main.js", "/admin/queues/api/queues"]) {
      const board = await page.request.get(path);
      expect([path, board.status(), board.headers()["content-type"]]).toEqual([
        path,
        503,
        expect.stringContaining("application/json"),
      ]);
      await expect(board.json()).resolves.toMatchObject({ error: { code: "service_unavailable" } });
    }
    await screenshot(page, "admin");

    await usage.getByRole("radio", { name: "24 hours" }).click();
    await expectVisible(usage.getByText("No AI responses in this period"));
  });

  it("finds, disables and re-enables an account, whose owner sees their own usage and is refused while disabled", async () => {
    const member = await e2e.newPage();
    const { email } = await e2e.signUpFresh(member);
    await member.goto("/settings");
    const own = member.getByRole("region", { name: "AI usage", exact: true });
    await expectVisible(own.getByRole("meter", { name: /^Chat tokens today: [\d,]+ of [\d,]+ tokens left$/ }));
    await expectVisible(own.getByRole("meter", { name: /^Generations today: \d+ of \d+ generations left$/ }));

    const page = await e2e.newPage({ viewport: { width: 1366, height: 900 } });
    await e2e.signIn(page);
    await page.goto("/admin");
    const users = page.getByRole("region", { name: "Users" });
    await users.getByRole("searchbox", { name: "Search by email" }).fill(email);
    const row = users.getByRole("row").filter({ has: page.getByRole("rowheader", { name: email }) });
    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await expectVisible(row.getByText("Disabled"));
    const refused = await member.request.get("/api/me/usage");
    expect(refused.status()).toBe(401);
    await expect(refused.json()).resolves.toMatchObject({
      error: { message: "This account has been disabled by an administrator." },
    });
    const changes = page.getByRole("region", { name: "Changes to accounts" });
    await expectVisible(changes.getByText(`disabled the account of ${email}`));
    await row.getByRole("button", { name: `Enable ${email}` }).click();
    await expectVisible(row.getByText("Active"));
    expect((await member.request.get("/api/me/usage")).status()).toBe(200);
  });

  it("tells someone who is not an administrator, and leaves Admin out of their navigation", async () => {
    const page = await e2e.newPage();
    await e2e.signUpFresh(page);
    await page.goto("/admin");
    await expectVisible(page.getByText("This page is for administrators"));
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).count(),
    ).resolves.toBe(0);
    // The API refuses them too, whatever the page shows.
    const response = await page.request.get("/api/admin/analytics/ai-usage");
    expect(response.status()).toBe(403);
    await expect(page.request.get("/admin/queues/api/queues").then((board) => board.status())).resolves.toBe(403);
  });
});
