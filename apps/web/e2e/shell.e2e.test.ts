import { describe, expect, it } from "vitest";

import { DEMO, expectVisible, screenshot, useE2e } from "./harness.ts";

describe("the app shell", () => {
  const e2e = useE2e();

  it("sends a signed-out visitor to sign-in and back to where they were going", async () => {
    const page = await e2e.newPage();
    await page.goto("/goals");
    await page.waitForURL(/\/sign-in\?redirect=/);
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/goals");
    await expectVisible(page.getByRole("heading", { level: 1, name: "Goals" }));
  });

  it("runs under the production Content-Security-Policy: injected inline scripts, event handlers and eval do not run, and are reported", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    const response = await page.goto("/");
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expectVisible(page.getByRole("heading", { level: 1 }));
    const ran = await page.evaluate(async () => {
      const state = window as unknown as { injected?: boolean; clicked?: boolean };
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.clicked = true");
      document.body.append(button);
      button.click();
      // From a timer, not from the evaluation itself: code the test driver runs directly may always eval.
      const evaluated = await new Promise<boolean>((resolve) =>
        setTimeout(() => {
          try {
            resolve(new Function("return true")() as boolean);
          } catch {
            resolve(false);
          }
        }, 0),
      );
      button.remove();
      return { inline: state.injected === true, handler: state.clicked === true, evaluated };
    });
    expect(ran).toEqual({ inline: false, handler: false, evaluated: false });
    const blocked: string[] = [];
    await expect
      .poll(() => {
        blocked.push(...e2e.takeCspViolations());
        return [
          blocked.some((line) => /^script-src-elem: inline on \//.test(line)),
          blocked.some((line) => /^script-src-attr: inline on \//.test(line)),
          blocked.some((line) => /^script-src: eval on \//.test(line)),
        ];
      })
      .toEqual([true, true, true]);
  });

  it("lists every area in the navigation, on desktop and behind the phone menu", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of [
      "Dashboard",
      "Coach",
      "Check-ins",
      "Goals",
      "Analysis",
      "People & tasks",
      "Community",
      "Search",
      "Memory",
      "Documents",
      "Reports",
      "Settings",
    ])
      await expectVisible(nav.getByRole("link", { name: label, exact: true }));
    await screenshot(page, "shell-desktop");

    const phone = await e2e.newPage({ viewport: { width: 390, height: 800 } });
    await e2e.signIn(phone);
    await phone.goto("/");
    await expect(phone.getByRole("navigation", { name: "Main" }).isVisible()).resolves.toBe(false);
    await phone.getByRole("button", { name: "Menu" }).click();
    await phone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Check-ins" }).click();
    await phone.waitForURL("**/check-ins");
    await screenshot(phone, "shell-phone");
  });

  it("shows an unknown path inside the shell, with a way back", async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page);
    await page.goto("/no-such-page");
    await expectVisible(page.getByRole("heading", { name: "Nothing here yet" }));
    await page.getByRole("link", { name: "Back to the dashboard" }).click();
    await page.waitForURL((url) => url.pathname === "/");
  });

  it("installs as an app: a manifest with icons, and a service worker that opens the app offline", async () => {
    const page = await e2e.newPage({ serviceWorkers: "allow" });
    await e2e.signIn(page);
    await page.goto("/");
    await expectVisible(page.getByRole("navigation").first());
    const manifestPath = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await page.request.get(manifestPath ?? "/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "Cto — your AI coach", display: "standalone", start_url: "/", scope: "/" });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(["192x192", "512x512", "512x512"]);
    for (const icon of manifest.icons as { src: string }[])
      expect((await page.request.get(icon.src)).headers()["content-type"]).toBe("image/png");

    // Once the worker is active it has precached the app; the next load is under its control.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Offline, a page never opened before still comes up (its code is in the cache), and says the server cannot be reached.
    await page.context().setOffline(true);
    await page.goto("/goals");
    await expectVisible(page.getByText("Cto cannot be reached. Check your connection and try again."));
    expect(await page.title()).toBe("Cto — your AI coach");
    await page.context().setOffline(false);
    await page.getByRole("button", { name: /try again/i }).click();
    await expectVisible(page.getByRole("heading", { level: 1, name: "Goals" }));
  });
});
