import { generateSync } from "otplib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";

const linkIn = (text: string) => text.match(/https?:\/\/\S+/)?.[0] ?? "";

describe("sign-up, sign-in, sign-out, password reset and email verification", () => {
  const e2e = useE2e({ identityProvider: true });

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
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
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
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
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
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expectVisible(page.getByRole("heading", { name: "Two-factor sign-in" }));
    // The code of the next 30-second step: the one just used is never accepted twice.
    await page
      .getByLabel("Code from your authenticator app")
      .fill(generateSync({ secret, epoch: Date.now() / 1000 + 30 }));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
  });

  // The API's test OpenID provider ("Test ID", apps/api/test/support/identity-provider.ts): the browser goes
  // through its own sign-in page, where a person types the provider account and submits.
  describe("sign-in with an identity provider", () => {
    const atProvider = async (page: Page, account: string) => {
      await page.waitForURL((url) => url.origin === e2e.identityProvider.issuer);
      await expectVisible(page.getByRole("heading", { name: "Sign in to Test ID" }));
      await page.getByLabel("Account").fill(account);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
    };
    const continueWithProvider = async (page: Page, account: string) => {
      await page.goto("/sign-in");
      await page.getByRole("link", { name: "Continue with Test ID" }).click();
      await atProvider(page, account);
    };
    const linkedTo = (sub: string) =>
      e2e.stack.db.account.findUnique({
        where: { provider_providerAccountId: { provider: "test", providerAccountId: sub } },
      });
    const providersCard = (page: Page) => page.getByRole("region", { name: "Sign-in providers" });

    it("creates the account at the first sign-in, and Settings shows how the session signed in", async () => {
      const { sub, email } = e2e.identityProvider.newAccount({ name: "Ada Lovelace" });
      const page = await e2e.newPage();
      await continueWithProvider(page, sub);
      await page.waitForURL((url) => url.origin === e2e.stack.webUrl && url.pathname !== "/sign-in");
      const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
      expect(user.passwordHash).toBeNull();
      expect((await linkedTo(sub))?.userId).toBe(user.id);

      await page.goto("/settings#security");
      await expectVisible(page.getByText(/signed in .* with a sign-in provider/));
      await screenshot(page, "provider-sign-in-sessions");
      // The provider is this account's only way in: Settings refuses to unlink it, with the API's words.
      const card = providersCard(page);
      await expectVisible(card.getByRole("list", { name: "Linked providers" }).getByText("Test ID"));
      await card.getByRole("button", { name: "Unlink" }).click();
      await expectVisible(page.getByText("This is your only way to sign in."));
      expect(await linkedTo(sub)).not.toBeNull();
    });

    it("links the provider to a password account from Settings, then unlinks it", async () => {
      const page = await e2e.newPage();
      const { email } = await e2e.signUpFresh(page);
      const { sub } = e2e.identityProvider.newAccount({ email: "someone-else@example.org", email_verified: false });
      await page.goto("/settings");
      await providersCard(page).getByRole("button", { name: "Link Test ID" }).click();
      await atProvider(page, sub);
      await page.waitForURL((url) => url.pathname === "/settings" && url.searchParams.get("linked") === "test");
      const linkedList = providersCard(page).getByRole("list", { name: "Linked providers" });
      await expectVisible(linkedList.getByText("Test ID"));
      const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
      expect((await linkedTo(sub))?.userId).toBe(user.id);

      // A linked provider signs the account in from another browser.
      const elsewhere = await e2e.newPage();
      await continueWithProvider(elsewhere, sub);
      await elsewhere.waitForURL((url) => url.origin === e2e.stack.webUrl && url.pathname !== "/sign-in");
      const session = await elsewhere.request.get("/api/auth/session");
      expect(((await session.json()) as { user: { email: string } }).user.email).toBe(email);

      await providersCard(page).getByRole("button", { name: "Unlink" }).click();
      await expectVisible(page.getByText("Test ID no longer signs you in."));
      await expectVisible(providersCard(page).getByRole("button", { name: "Link Test ID" }));
      expect(await linkedTo(sub)).toBeNull();
    });

    it("refuses a forged state: back on the sign-in page with the reason, and no account", async () => {
      const { sub, email } = e2e.identityProvider.newAccount();
      const page = await e2e.newPage();
      // This browser is at the provider's sign-in page when a link sends it to the callback with a code and a
      // state of someone else's making (a login CSRF): the state is not the one its flow holds.
      await page.goto("/sign-in");
      await page.getByRole("link", { name: "Continue with Test ID" }).click();
      await page.waitForURL((url) => url.origin === e2e.identityProvider.issuer);
      const providerPage = page.url();
      await page.goto("/api/auth/oauth/test/callback?code=a-code-from-elsewhere&state=forged-state");
      await page.waitForURL(
        (url) => url.pathname === "/sign-in" && url.searchParams.get("provider_error") === "restart",
      );
      await expectVisible(
        page.getByRole("alert").getByText("That sign-in took too long or was started in another browser."),
      );
      await screenshot(page, "provider-sign-in-refused");
      // The refused callback spent this browser's flow: finishing it at the provider now makes no account.
      await page.goto(providerPage);
      await atProvider(page, sub);
      await page.waitForURL(
        (url) => url.pathname === "/sign-in" && url.searchParams.get("provider_error") === "restart",
      );
      expect(await e2e.stack.db.user.count({ where: { email } })).toBe(0);
      expect(
        (await page.request.get("/api/auth/session?optional=true").then((answer) => answer.json())) as unknown,
      ).toBeNull();
    });

    it("never lets an address the provider has not verified take over the account that has it", async () => {
      const ownerPage = await e2e.newPage();
      const owner = await e2e.signUpFresh(ownerPage, "Owner");
      const { sub } = e2e.identityProvider.newAccount({ email: owner.email, email_verified: false });
      const page = await e2e.newPage();
      await continueWithProvider(page, sub);
      await page.waitForURL(
        (url) => url.pathname === "/sign-in" && url.searchParams.get("provider_error") === "unverified",
      );
      await expectVisible(page.getByRole("alert").getByText(/did not confirm an email address/));
      expect(await linkedTo(sub)).toBeNull();
      expect(
        (await page.request.get("/api/auth/session?optional=true").then((answer) => answer.json())) as unknown,
      ).toBeNull();
    });
  });
});

describe("passkeys", () => {
  // WebAuthn refuses an IP address as the relying party's ID, so this stack's web app is reached as localhost.
  const e2e = useE2e({ webHost: "localhost" });

  it("adds a passkey in Settings, signs out, and signs in with the passkey alone (Chrome's virtual authenticator)", async () => {
    const page = await e2e.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    // Through the pages: the API client of Playwright would resolve localhost on its own.
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Kim Passkey");
    await page.getByLabel("Email").fill(`kim-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("a long passphrase here");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/welcome");

    await page.goto("/settings#security");
    await page.getByLabel("Passkey name (optional)").fill("Chromium");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expectVisible(page.getByRole("list", { name: "Passkeys" }).getByRole("listitem", { name: "Chromium" }));
    const registered = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(registered.credentials).toHaveLength(1);
    expect(registered.credentials[0]!.isResidentCredential).toBe(true);
    await screenshot(page, "settings-passkeys");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    const used = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(used.credentials[0]!.signCount).toBeGreaterThan(registered.credentials[0]!.signCount);

    await page.goto("/settings#security");
    await expectVisible(page.getByText(/with a passkey ·/));
  });
});
