import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

const linkIn = (text: string) => text.match(/https?:\/\/\S+/)?.[0] ?? "";

describe("sign-up, sign-in, sign-out, password reset and email verification", () => {
  const e2e = useE2e();

  it("signs up, signs out, and keeps signed-out visitors out", async () => {
    const page = await e2e.newPage();
    await page.goto("/sign-up");
    await screenshot(page, "sign-up");
    await page.getByLabel("Name").fill("Robin Park");
    await page.getByLabel("Email").fill(`robin-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("a long passphrase here");
    await page.getByRole("button", { name: "Create account" }).click();
    // A new account starts with the short introduction to the coach; skipping it lands on the dashboard.
    await page.waitForURL((url) => url.pathname === "/welcome");
    await page.getByRole("link", { name: "Skip for now" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expectVisible(page.getByRole("heading", { level: 1, name: /, Robin$/ }));

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.goto("/");
    await page.waitForURL(/\/sign-in/);
  });

  it("refuses a taken email and a wrong password with the API's words", async () => {
    const page = await e2e.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("demo@cto.dev");
    await page.getByLabel("Password").fill("a long passphrase here");
    await page.getByRole("button", { name: "Create account" }).click();
    const taken = page.getByRole("alert");
    await expectVisible(taken);
    expect(await taken.textContent()).toMatch(/exist|already|taken/i);

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("demo@cto.dev");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const wrong = page.getByRole("alert");
    await expectVisible(wrong);
    expect(await wrong.textContent()).toMatch(/incorrect|invalid|wrong/i);
    await screenshot(page, "sign-in-error");
  });

  it("resets a forgotten password through the emailed link", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The sign-in form has an Email field too: fill only once the reset page has replaced it.
    await expectVisible(page.getByRole("heading", { name: "Reset your password" }));
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "a reset link is on its way" }));

    const mail = (await e2e.outbox()).find((item) => item.to === email && /reset/i.test(item.subject));
    const link = new URL(linkIn(mail?.text ?? ""));
    expect(link.pathname).toBe("/reset-password");
    await page.goto(link.pathname + link.search);
    await page.getByLabel("New password", { exact: true }).fill("my brand new passphrase");
    await page.getByLabel("Repeat the new password").fill("my brand new passphrase!");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expectVisible(page.getByText("The two passwords are not the same."));
    await page.getByLabel("Repeat the new password").fill("my brand new passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expectVisible(page.getByRole("heading", { name: "Your password is changed" }));

    // The link works once.
    await page.goto(link.pathname + link.search);
    await page.getByLabel("New password", { exact: true }).fill("another new passphrase");
    await page.getByLabel("Repeat the new password").fill("another new passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expectVisible(page.getByRole("alert"));

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("my brand new passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
  });

  it("verifies the email address through the emailed link", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const answer = await page.request.post("/api/auth/verify-email/request", { headers: { origin: e2e.stack.webUrl } });
    expect(answer.status()).toBe(202);
    const mail = (await e2e.outbox()).find((item) => item.to === email && /verify/i.test(item.subject));
    const link = new URL(linkIn(mail?.text ?? ""));
    await page.goto(link.pathname + link.search);
    await expectVisible(page.getByText("Your email address is verified."));
    await screenshot(page, "verify-email");
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerified).not.toBeNull();

    await page.goto("/verify-email?token=not-a-real-token-but-long-enough");
    await expectVisible(page.getByRole("alert").getByText("Your email could not be verified"));
  });

  it("turns on two-factor in Settings with a real authenticator code, then signs in with the next code", async () => {
    const page = await e2e.newPage();
    const { email, password } = await e2e.signUpFresh(page);
    await page.goto("/settings#security");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expectVisible(page.getByRole("img", { name: /QR code/ }));
    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    await page.getByLabel("Code from the app").fill(generateSync({ secret }));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expectVisible(page.getByRole("status", { name: "Recovery codes" }));

    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectVisible(page.getByRole("heading", { name: "Two-factor sign-in" }));
    // The code of the next 30-second step: the one just used is never accepted twice.
    await page
      .getByLabel("Code from your authenticator app")
      .fill(generateSync({ secret, epoch: Date.now() / 1000 + 30 }));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
  });
});
