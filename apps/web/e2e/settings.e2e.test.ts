import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectVisible, screenshot, useE2e } from "./harness.ts";
import { E2E_TELEGRAM_BOT, TELEGRAM_WEBHOOK_SECRET } from "./stack.ts";

describe("settings", () => {
  const e2e = useE2e();

  it("edits the profile, career and reminder preferences, and keeps them after a reload", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const { email } = await e2e.signUpFresh(page, "Robin");
    await page.goto("/settings");
    const profile = page.getByRole("form", { name: "Profile and career" });
    await profile.getByLabel("Name").fill("Robin Park");
    // A picture on the app's own origin: the tests send traffic only to loopback.
    const photo = `${e2e.stack.webUrl}/favicon.svg`;
    await profile.getByLabel("Photo URL").fill(photo);
    await profile.getByLabel("Current role").fill("Product designer");
    await profile.getByLabel("Experience level").selectOption({ label: "Senior" });
    await profile.getByLabel("Industry").fill("Healthcare");
    await profile.getByLabel("Years of experience").fill("7");
    await profile.getByLabel("Skills you have").fill("Research\nPrototyping");
    await profile.getByLabel("Skills to grow").fill("Facilitation");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Your profile is saved." }));
    // The shell shows the new name at once: the session's copy of the user is replaced.
    await expectVisible(page.getByText("Robin Park", { exact: true }));

    const preferences = page.getByRole("form", { name: "Reminders and time" });
    await preferences.getByLabel("Timezone").selectOption("Europe/Berlin");
    await preferences.getByLabel("Only send reminders during my working hours").check();
    await preferences.getByLabel("From").fill("08:30");
    await preferences.getByLabel("Until").fill("16:00");
    await preferences.getByLabel("Telegram, when a chat is linked").uncheck();
    await preferences.getByLabel("At most").selectOption("3");
    await preferences.getByLabel("Quiet hours: no nudges between").check();
    await preferences.getByLabel("Quiet hours start").fill("12:00");
    await preferences.getByLabel("Quiet hours end").fill("13:00");
    // Nudges by email: off until turned on; the address is not verified yet, and the card says so.
    await expect(preferences.getByLabel("Nudges by email").isChecked()).resolves.toBe(false);
    await preferences.getByLabel("Nudges by email").check();
    await expectVisible(preferences.getByText("Nudge emails go only to a verified address"));
    await preferences.getByRole("button", { name: "Save preferences" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Your preferences are saved." }));
    await screenshot(page, "settings");

    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      name: "Robin Park",
      image: photo,
      currentRole: "Product designer",
      experienceLevel: "SENIOR",
      industry: "Healthcare",
      yearsOfExperience: 7,
      currentSkills: ["Research", "Prototyping"],
      targetSkills: ["Facilitation"],
    });
    expect(user.preferences).toEqual({
      timezone: "Europe/Berlin",
      workingHours: { start: "08:30", end: "16:00" },
      notificationPrefs: { inApp: true, telegram: false },
      coachNudges: {
        enabled: true,
        maxPerDay: 3,
        quietHours: { start: "12:00", end: "13:00" },
        channels: { inApp: true, telegram: true, email: true },
      },
    });

    await page.reload();
    await expect(profile.getByLabel("Current role").inputValue()).resolves.toBe("Product designer");
    await expect(profile.getByLabel("Skills you have").inputValue()).resolves.toBe("Research\nPrototyping");
    await expect(preferences.getByLabel("Timezone").inputValue()).resolves.toBe("Europe/Berlin");
    await expect(preferences.getByLabel("Until").inputValue()).resolves.toBe("16:00");
    await expect(preferences.getByLabel("Telegram, when a chat is linked").isChecked()).resolves.toBe(false);
    await expect(preferences.getByLabel("At most").inputValue()).resolves.toBe("3");
    await expect(preferences.getByLabel("Quiet hours end").inputValue()).resolves.toBe("13:00");
    await expect(preferences.getByLabel("Nudges by email").isChecked()).resolves.toBe(true);
  });

  it("shows the API's refusal beside the field and keeps what was typed", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 1600 } });
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/settings");
    const profile = page.getByRole("form", { name: "Profile and career" });
    await profile.getByLabel("Current role").fill("Analyst");
    await profile.getByLabel("Skills you have").fill("SQL\nsql");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expectVisible(profile.getByText("Must not repeat an item."));
    await expect(profile.getByLabel("Skills you have").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(profile.getByLabel("Current role").inputValue()).resolves.toBe("Analyst");
    // Shown at the field, so not again on top.
    await expect(profile.getByRole("alert").count()).resolves.toBe(0);
    expect((await e2e.stack.db.user.findUniqueOrThrow({ where: { email } })).currentRole).toBeNull();

    // A refusal naming a part the form has no field for is shown on top instead of nowhere.
    await page.route("**/api/me", (route) =>
      route.request().method() === "PATCH"
        ? route.fulfill({
            status: 400,
            contentType: "application/json",
            body: JSON.stringify({
              error: {
                code: "validation_failed",
                message: "The request is not valid.",
                requestId: "e2e",
                details: [{ path: "preferences.notificationPrefs", message: "Unrecognized key: email" }],
              },
            }),
          })
        : route.continue(),
    );
    const preferences = page.getByRole("form", { name: "Reminders and time" });
    await preferences.getByRole("button", { name: "Save preferences" }).click();
    await expectVisible(preferences.getByRole("alert").filter({ hasText: "The request is not valid." }));
  });

  it("saves what the coach knows and the chat model", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/settings#coach");
    await page.getByRole("textbox", { name: /^About you/ }).fill("New manager of a team of five.");
    await page.getByLabel("Long-term goals").fill("Grow into a director role\nRun a marathon");
    await page.getByRole("button", { name: "Save context" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Your context is saved." }));
    await page.getByLabel("Chat model").fill("gpt-4o-mini");
    await page.getByRole("button", { name: "Save model" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Model preference saved." }));

    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email }, include: { userContext: true } });
    expect(user.currentModel).toBe("gpt-4o-mini");
    expect(user.userContext).toMatchObject({
      personalBio: "New manager of a team of five.",
      longTermGoals: ["Grow into a director role", "Run a marathon"],
    });
  });

  it("links Telegram with the one-time code, as the bot receives it, and unlinks", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/settings#connections");
    await expectVisible(page.getByText("Not linked yet."));
    await page.getByRole("button", { name: "Link Telegram" }).click();
    const code = (await page.getByRole("status").filter({ hasText: "/start" }).locator("code").innerText()).trim();
    expect(code).toMatch(/^\/start \S{20,}$/);
    // One tap in Telegram: the deep link starts the bot with the same token (not followed: loopback only).
    const deepLink = await page.getByRole("link", { name: "Open Telegram" }).getAttribute("href");
    expect(deepLink).toBe(`https://t.me/${E2E_TELEGRAM_BOT}?start=${code.slice("/start ".length)}`);

    // Telegram delivers the user's `/start <token>` to the webhook.
    const webhook = await fetch(`${e2e.stack.apiUrl}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_WEBHOOK_SECRET },
      body: JSON.stringify({
        update_id: 1,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 424242, type: "private" },
          from: { id: 424242, is_bot: false, first_name: "Robin", username: "robin_p" },
          text: code,
        },
      }),
    });
    expect(webhook.status).toBe(200);
    await page.reload();
    await expectVisible(page.getByText("@robin_p"));
    await screenshot(page, "settings-telegram");

    await page.getByRole("button", { name: "Unlink Telegram" }).click();
    await expectVisible(page.getByText("Not linked yet."));
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email }, include: { telegramConnection: true } });
    expect(user.telegramConnection?.isActive ?? false).toBe(false);
  });

  it("says plainly when this server has no Telegram bot, instead of pointing to one", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    await e2e.signUpFresh(page);
    // A server without TELEGRAM_WEBHOOK_SECRET (the default start) answers linkable: false.
    await page.route("**/api/telegram/bot", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ linkable: false, botUsername: null }),
      }),
    );
    await page.goto("/settings#connections");
    const card = page.getByRole("region", { name: "Telegram" });
    await expectVisible(card.getByText("Telegram is not set up on this Cto server"));
    await expect(card.getByRole("button", { name: "Link Telegram" }).count()).resolves.toBe(0);
    await expect(card.getByText(/Cto bot/).count()).resolves.toBe(0);
  });

  it("offers system, light and dark themes, applies the choice at once and keeps it", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/settings");
    const theme = page.getByRole("radiogroup", { name: "Theme" });
    // "System" by default, and the system here is dark.
    await expect(theme.getByRole("radio", { name: "System" }).getAttribute("aria-checked")).resolves.toBe("true");
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await theme.getByRole("radio", { name: "Light" }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await theme.getByRole("radio", { name: "Dark" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Theme: dark." }));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    expect((user.preferences as { theme?: string }).theme).toBe("dark");
    // Another device (light system, nothing remembered) still gets the account's dark.
    const other = await e2e.newPage();
    await other.emulateMedia({ colorScheme: "light" });
    await e2e.signIn(other, { email, password: "correct horse battery staple" });
    await other.goto("/goals");
    await expect.poll(() => other.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await screenshot(other, "settings-dark-goals");
  });

  it("switches the app to German from settings, and keeps it after a reload and on another device", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    await page.goto("/settings");
    const main = page.getByRole("navigation", { name: "Main" });
    await expectVisible(main.getByRole("link", { name: "Settings" }));
    const language = page.getByRole("radiogroup", { name: "Language" });
    // Following the browser (en-GB here) until someone chooses.
    await expect(
      language.getByRole("radio", { name: "Same as this browser" }).getAttribute("aria-checked"),
    ).resolves.toBe("true");
    await language.getByRole("radio", { name: "Deutsch" }).click();
    const hauptmenu = page.getByRole("navigation", { name: "Hauptmenü" });
    await expectVisible(hauptmenu.getByRole("link", { name: "Einstellungen" }));
    await expectVisible(page.getByRole("heading", { name: "Einstellungen" }));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("de");
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    expect((user.preferences as { locale?: string }).locale).toBe("de");

    await page.reload();
    await expectVisible(hauptmenu.getByRole("link", { name: "Ziele" }));
    await expectVisible(page.getByRole("button", { name: "Abmelden" }));
    // Another device, whose browser asks for English, still shows the account's German once signed in.
    const other = await e2e.newPage();
    await e2e.signIn(other, { email, password: "correct horse battery staple" });
    await other.goto("/goals");
    await expectVisible(other.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Übersicht" }));

    // Back to the browser's language: English again.
    await page.goto("/settings");
    await page.getByRole("radiogroup", { name: "Sprache" }).getByRole("radio", { name: "Wie dieser Browser" }).click();
    await expectVisible(main.getByRole("link", { name: "Settings" }));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
  });

  it("starts in the browser's German for someone who never chose: sign-in, dashboard and People & tasks, German dates", async () => {
    const setup = await e2e.newPage();
    const credentials = await e2e.signUpFresh(setup, "Kim Berger");
    const deadline = Date.UTC(2027, 2, 14, 12);
    const created = await setup.request.post("/api/goals", {
      data: { title: "Marathon laufen", period: "quarterly", deadline },
      headers: { origin: e2e.stack.webUrl },
    });
    expect(created.ok()).toBe(true);
    const task = await setup.request.post("/api/tasks", {
      data: { title: "Startnummer abholen", priority: "urgent", dueDate: deadline },
      headers: { origin: e2e.stack.webUrl },
    });
    expect(task.ok()).toBe(true);

    const page = await e2e.newPage({ locale: "de-DE" });
    await page.goto("/sign-in");
    await expectVisible(page.getByRole("heading", { name: "Bei Cto anmelden" }));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("de");
    await page.getByLabel("E-Mail").fill(credentials.email);
    await page.getByLabel("Passwort", { exact: true }).fill(credentials.password);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();

    await expectVisible(page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Übersicht" }));
    await expectVisible(page.getByRole("heading", { name: /^(Gute Nacht|Guten Morgen|Guten Tag|Guten Abend), Kim$/ }));
    await expectVisible(page.getByRole("heading", { name: "Laufende Ziele" }));
    // 14 March 2027 the way German writes it ("14. März 2027"), not the British "14 Mar 2027".
    const german = new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "short", year: "numeric" }).format(
      deadline,
    );
    expect(german).toMatch(/^14\. März 2027$/);
    await expectVisible(page.getByText(`Fällig: ${german}`));
    await expectVisible(page.getByText("Vierteljährlich"));
    // People & tasks too: its tabs, the API's priority as a German word and the due date in German.
    await page.goto("/assistant?tab=task");
    await expectVisible(page.getByRole("heading", { name: "Menschen & Aufgaben" }));
    await expectVisible(page.getByRole("tab", { name: "Aufgaben", selected: true }));
    const tasks = page.getByRole("list", { name: "Aufgaben" });
    await expectVisible(tasks.getByText("Dringend", { exact: true }));
    await expectVisible(tasks.getByText(`fällig ${german}`));
    // Nothing was chosen, so nothing is saved: the account still follows whichever browser it is used in.
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email: credentials.email } });
    expect((user.preferences as { locale?: string } | null)?.locale ?? null).toBeNull();
  });

  it("creates an API key that works once shown, revokes it, and signs out another device", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const credentials = await e2e.signUpFresh(page);
    const other = await e2e.newPage();
    await e2e.signIn(other, credentials);
    await page.goto("/settings#security");

    await page.getByLabel("Key name", { exact: true }).fill("Calendar sync");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByLabel("New API key").innerText()).trim();
    const withKey = () => fetch(`${e2e.stack.apiUrl}/auth/session`, { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey()).status).toBe(200);
    await page.getByRole("listitem", { name: "Calendar sync" }).getByRole("button", { name: "Revoke" }).click();
    await expectVisible(page.getByRole("listitem", { name: "Calendar sync" }).getByText("Revoked"));
    expect((await withKey()).status).toBe(401);

    const devices = page.getByRole("list", { name: "Signed-in devices" });
    await expect.poll(() => devices.getByRole("listitem").count()).toBe(2);
    await expectVisible(devices.getByText("This device"));
    await devices
      .getByRole("listitem")
      .filter({ hasNotText: "This device" })
      .getByRole("button", { name: "Sign out" })
      .click();
    await expect.poll(() => devices.getByRole("listitem").count()).toBe(1);
    expect((await other.request.get("/api/auth/session")).status()).toBe(401);
  });

  it("renames a passkey in place, refuses a blank name beside the field, and keeps the new name after a reload", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const { email } = await e2e.signUpFresh(page);
    // A stored passkey, as a registration leaves it: renaming reads and writes only its row (auth.e2e adds real ones).
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    await e2e.stack.db.authenticator.create({
      data: {
        userId: user.id,
        credentialID: `e2e-${user.id}`,
        providerAccountId: `e2e-${user.id}`,
        credentialPublicKey: "pQECAyYgASFYIA",
        counter: 0,
        credentialDeviceType: "singleDevice",
        credentialBackedUp: false,
        name: "Old laptop",
      },
    });
    await page.goto("/settings#security");
    const passkeys = page.getByRole("list", { name: "Passkeys" });
    await passkeys.getByRole("button", { name: "Rename Old laptop" }).click();
    const field = passkeys.getByLabel("New name for Old laptop");
    await field.fill("   ");
    await passkeys.getByRole("button", { name: "Save" }).click();
    await expectVisible(passkeys.getByText("Name it."));
    await field.fill("Work laptop");
    await field.press("Enter");
    await expectVisible(page.getByRole("status").filter({ hasText: "Passkey renamed to Work laptop." }));
    await expectVisible(passkeys.getByRole("listitem", { name: "Work laptop" }));
    // Escape leaves a started rename without saving.
    await passkeys.getByRole("button", { name: "Rename Work laptop" }).click();
    await passkeys.getByLabel("New name for Work laptop").fill("Never saved");
    await passkeys.getByLabel("New name for Work laptop").press("Escape");
    await page.reload();
    await expectVisible(page.getByRole("list", { name: "Passkeys" }).getByRole("listitem", { name: "Work laptop" }));
    expect(
      (await e2e.stack.db.authenticator.findMany({ where: { userId: user.id } })).map((passkey) => passkey.name),
    ).toEqual(["Work laptop"]);
  });

  it("exports the account, imports it into a new one, and deletes an account only with its password", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const source = await e2e.signUpFresh(page, "Exporter");
    await page.request.post("/api/goals", {
      data: { title: "Ship the portfolio", period: "monthly" },
      headers: { origin: e2e.stack.webUrl },
    });
    await page.goto("/settings#data");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download export" }).click(),
    ]);
    const archivePath = await download.path();
    const archive = JSON.parse(await readFile(archivePath, "utf8"));
    expect(archive).toMatchObject({ format: "cto-account-export", user: { email: source.email } });
    expect(archive.data.goals.map((goal: { title: string }) => goal.title)).toEqual(["Ship the portfolio"]);

    // A second import into an account that now holds data is refused in words, and adds nothing.
    const target = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const destination = await e2e.signUpFresh(target, "Importer");
    await target.goto("/settings#data");
    const importForm = target.getByRole("form", { name: "Import an export" });
    await importForm.getByLabel("Export file").setInputFiles(archivePath);
    await importForm.getByRole("button", { name: "Import" }).click();
    await expectVisible(importForm.getByRole("status").filter({ hasText: "Goals: 1" }));
    await importForm.getByLabel("Export file").setInputFiles(archivePath);
    await importForm.getByRole("button", { name: "Import" }).click();
    await expectVisible(importForm.getByRole("alert").filter({ hasText: "import needs an empty account" }));
    const imported = await e2e.stack.db.user.findUniqueOrThrow({
      where: { email: destination.email },
      include: { goals: true },
    });
    expect(imported.goals.map((goal) => goal.title)).toEqual(["Ship the portfolio"]);

    // Another assistant's export adds its conversations to any account, this one included.
    const claudeExport = [
      {
        uuid: "e2e-claude-1",
        name: "Salary talk",
        created_at: "2024-05-01T09:00:00.000Z",
        updated_at: "2024-05-01T09:05:00.000Z",
        chat_messages: [
          { uuid: "m1", sender: "human", text: "How do I ask for a raise?", created_at: "2024-05-01T09:00:00.000Z" },
          { uuid: "m2", sender: "assistant", text: "Start from your review.", created_at: "2024-05-01T09:01:00.000Z" },
        ],
      },
    ];
    const assistantImport = target.getByRole("form", { name: "Import from ChatGPT or Claude" });
    await assistantImport.getByLabel("ChatGPT or Claude export").setInputFiles({
      name: "conversations.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(claudeExport)),
    });
    await assistantImport.getByRole("button", { name: "Import conversations" }).click();
    await expectVisible(
      assistantImport.getByRole("status").filter({ hasText: "Imported from Claude: 1 conversation with 2 messages." }),
    );
    await target.goto("/chat");
    await expectVisible(target.getByRole("link", { name: /Salary talk/ }));

    await page.getByRole("button", { name: "Delete account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.getByLabel("Password").fill("not my password");
    await dialog.getByRole("button", { name: "Delete everything" }).click();
    await expectVisible(dialog.getByRole("alert").filter({ hasText: "Confirm with your password" }));
    expect(await e2e.stack.db.user.count({ where: { email: source.email } })).toBe(1);
    await dialog.getByLabel("Password").fill(source.password);
    await dialog.getByRole("button", { name: "Delete everything" }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await e2e.stack.db.user.count({ where: { email: source.email } })).toBe(0);
  });

  it("fits a phone", async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
    await e2e.signUpFresh(page);
    await page.goto("/settings");
    await expectVisible(page.getByRole("form", { name: "Profile and career" }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "settings-phone");
  });
});

describe("settings: connected calendars, synced by the real worker", () => {
  const e2e = useE2e({ worker: true });
  // ICS feeds this test serves on loopback (the stack allows 127.0.0.0/8 for calendars): one body per path.
  const feeds = new Map<string, string>();
  let server: Server;
  let origin = "";
  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = feeds.get(request.url ?? "");
      if (body === undefined) return response.writeHead(404).end();
      response.writeHead(200, { "content-type": "text/calendar" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const icsTime = (at: Date) => at.toISOString().replace(/[-:]|\.\d+/g, "");
  const vevent = (uid: string, title: string, start: Date) =>
    [
      "BEGIN:VEVENT",
      `UID:${uid}`,
      "DTSTAMP:20261201T000000Z",
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(new Date(start.getTime() + 3_600_000))}`,
      `SUMMARY:${title}`,
      "END:VEVENT",
    ].join("\r\n");
  const vcalendar = (...events: string[]) =>
    ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cto e2e//EN", ...events, "END:VCALENDAR", ""].join("\r\n");
  // The card polls every 10 s; a sync is a queued job on a worker that may be busy.
  const SYNCED_MS = 60_000;

  const connect = async (page: Page, path: string) => {
    await page.goto("/settings#connections");
    const form = page.getByRole("form", { name: "Connect a calendar" });
    await form.getByLabel("Subscription URL").fill(`${origin}${path}`);
    await form.getByRole("button", { name: "Connect calendar" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "Calendar connected" }));
    return page
      .getByRole("list", { name: "Connected calendars" })
      .getByRole("listitem", { name: `${new URL(origin).host} (subscription)` });
  };

  it("connects an ICS subscription, syncs it now, shows its events in the assistant, and disconnects", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    const { email } = await e2e.signUpFresh(page);
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(10, 0, 0, 0);
    const path = `/feed-${Date.now()}.ics`;
    feeds.set(path, vcalendar(vevent("e2e-offsite", "Quarterly offsite", tomorrow)));
    const row = await connect(page, path);
    // The first sync is queued on connecting.
    await row.getByText(/synced .* · 1 events/).waitFor({ timeout: SYNCED_MS });
    await expectVisible(row.getByText("ICS · syncing"));
    // This stack has no Google or Microsoft OAuth client: no button to connect them.
    expect(await page.getByRole("button", { name: /^Connect (Google Calendar|Microsoft 365)$/ }).count()).toBe(0);

    // A second event upstream arrives with "Sync now".
    feeds.set(
      path,
      vcalendar(
        vevent("e2e-offsite", "Quarterly offsite", tomorrow),
        vevent("e2e-retro", "Team retro", new Date(tomorrow.getTime() + 4 * 3_600_000)),
      ),
    );
    await row.getByRole("button", { name: "Sync now" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "will sync in a moment" }));
    await row.getByText(/synced .* · 2 events/).waitFor({ timeout: SYNCED_MS });
    await screenshot(page, "settings-calendars");

    await page.goto("/assistant?tab=event");
    const events = page.getByRole("list", { name: "Events" });
    await expectVisible(events.getByRole("link", { name: "Quarterly offsite" }));
    await expectVisible(events.getByRole("link", { name: "Team retro" }));

    await page.goto("/settings#connections");
    await row.getByRole("button", { name: "Disconnect" }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: "is disconnected and its events removed" }));
    await expectVisible(page.getByText("No calendar connected yet."));
    const user = await e2e.stack.db.user.findUniqueOrThrow({ where: { email } });
    expect(await e2e.stack.db.event.count({ where: { userId: user.id } })).toBe(0);
    await page.goto("/assistant?tab=event");
    await expectVisible(page.getByText("No events yet"));
  });

  it("shows a malformed feed's error on its card", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    await e2e.signUpFresh(page);
    const path = `/broken-${Date.now()}.ics`;
    feeds.set(path, "<html>This is a web page, not a calendar</html>");
    const row = await connect(page, path);
    await row.getByRole("alert").waitFor({ timeout: SYNCED_MS });
    await expectVisible(row.getByRole("alert").filter({ hasText: "The calendar is not valid iCalendar" }));
    await expectVisible(row.getByText("ICS · sync failed"));
    await expectVisible(row.getByText(/0 events/));
  });
});

describe("settings: Google and Microsoft 365 calendars, connected at the provider and synced by the real worker", () => {
  // The providers' stand-ins (@cto/core/testing/calendar-providers): the API's OAuth clients and the worker point there.
  const e2e = useE2e({ worker: true, calendarProviders: true });

  it("connects Google Calendar through its consent page, and its events arrive", async () => {
    const page = await e2e.newPage({ viewport: { width: 1280, height: 2400 } });
    await e2e.signUpFresh(page);
    const { google } = e2e.calendarProviders;
    // Who signs in at the stand-in's consent page, and what their calendar holds.
    google.state.account = `ada-${Date.now()}@example.com`;
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(10, 0, 0, 0);
    google.put({
      id: `e2e-${Date.now()}`,
      title: "Board meeting",
      start: tomorrow.toISOString().replace(/\.\d+Z$/, "Z"),
      end: new Date(tomorrow.getTime() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"),
    });

    await page.goto("/settings#connections");
    await expectVisible(page.getByRole("button", { name: "Connect Microsoft 365" }));
    await page.getByRole("button", { name: "Connect Google Calendar" }).click();
    // To the provider and back (PKCE, state), then Settings says so.
    await page.waitForURL(/\/settings\?calendar=connected/);
    await expectVisible(page.getByRole("status").filter({ hasText: "Calendar connected" }));
    const row = page
      .getByRole("list", { name: "Connected calendars" })
      .getByRole("listitem", { name: google.state.account });
    await row.getByText(/synced .* · 1 events/).waitFor({ timeout: 60_000 });
    await expectVisible(row.getByText("Google · syncing"));
    await screenshot(page, "settings-calendars-google");
  });
});
