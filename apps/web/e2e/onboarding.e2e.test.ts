import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

describe("onboarding after sign-up", () => {
  const e2e = useE2e();

  const signUp = async (page: import("playwright-core").Page, name: string) => {
    const email = `onboard-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long passphrase here");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/welcome");
    return email;
  };

  it("invites a new user to tell the coach their role and goals, saves them to the profile and the context, then opens the coach", async () => {
    const page = await e2e.newPage();
    const email = await signUp(page, "Ines Duarte");
    await expectVisible(page.getByRole("heading", { level: 1, name: "Welcome to Cto" }));
    const form = page.getByRole("form", { name: "Tell your coach about you" });
    await form.getByLabel(/Your role/).fill("Product designer");
    await form.getByLabel(/What you want to work on/).fill("Lead a design review\n\n  Speak up in planning  ");
    await form.getByLabel(/About your work/).fill("Two squads, one design system.");
    await form.getByLabel(/What is hard right now/).fill("Too many meetings");
    await screenshot(page, "onboarding");
    await form.getByRole("button", { name: "Save and talk to your coach" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/chat"));
    await expectVisible(page.getByRole("status").filter({ hasText: "Saved. Your coach knows this now." }));

    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email }, include: { userContext: true } });
    expect([user.currentRole, user.currentGoals]).toEqual([
      "Product designer",
      ["Lead a design review", "Speak up in planning"],
    ]);
    expect(user.userContext).toMatchObject({
      workContext: "Two squads, one design system.",
      longTermGoals: ["Lead a design review", "Speak up in planning"],
      currentChallenges: ["Too many meetings"],
    });
    // Settings shows what was told.
    await page.goto("/settings#coach");
    await expectVisible(page.getByText("Two squads, one design system."));
  });

  it("can be skipped, saving nothing", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    const email = await signUp(page, "Skipper");
    await page.getByRole("link", { name: "Skip for now" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByTestId("dashboard-ready").waitFor();
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email }, include: { userContext: true } });
    expect([user.currentRole, user.userContext]).toEqual([null, null]);
  });

  it("shows the API's refusal on its field and keeps what was typed", async () => {
    const page = await e2e.newPage();
    await signUp(page, "Long Role");
    const form = page.getByRole("form", { name: "Tell your coach about you" });
    // Past the browser's maxlength, as a pasted text or another client could send it.
    await form.getByLabel(/Your role/).evaluate((input) => input.removeAttribute("maxlength"));
    await form.getByLabel(/Your role/).fill("r".repeat(300));
    await form.getByRole("button", { name: "Save and talk to your coach" }).click();
    await expectVisible(form.getByLabel(/Your role/).and(page.locator("[aria-invalid=true]")));
    expect(new URL(page.url()).pathname).toBe("/welcome");
    await expect(form.getByLabel(/Your role/).inputValue()).resolves.toBe("r".repeat(300));
  });
});
