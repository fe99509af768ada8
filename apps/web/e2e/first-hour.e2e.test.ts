import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { launchChromium, renderChat, similarity } from "../../worker/test/ocr-render.ts";
import { overflow } from "./browser.ts";
import { expectVisible, screenshot, useE2e } from "./harness.ts";

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;

/**
 * Long texts where people write them: a name and a word with nowhere to break, titles near their
 * length limits. Each width's user has its own words (`tag`), so one search cannot find the other's post.
 */
const texts = (tag: string) => ({
  name: `Maximiliana ${tag} Oyelaranwatanabeschwarzeneggerfeatherstonehaugh`,
  role: "Engineering manager for the platform reliability and developer-experience organisation",
  onboardingGoals: "Delegate the release process\nGet promoted to senior engineering manager",
  work: "Two squads, eleven engineers, one on-call rotation and a release train every second Thursday.",
  chatGoal: "Publish the quarterly platform reliability handbook for every squad",
  goal: `Run every retrospective with a written agenda and Supercalifragilisticexpialidociousfollowups ${tag}`,
  commitment: `Write the handover document for the release checklist and walk Priya through it ${tag}`,
  feeling: "hopeful",
  session: `Reply to Alexandrina about the Kubernetesclustermigrationweekendoncall ${tag}`,
  chat: [
    { text: "Can you cover the on-call this weekend?", side: "left" as const },
    { text: "I can do Saturday but not Sunday", side: "right" as const },
  ],
  postTitle: `Week one with Cto: the zebra runbook for handing over releases ${tag}`,
  postBody: `Wrote the zebra runbook ${tag} for handing the release checklist to Priya, https://example.com/${"runbook-".repeat(12)}${tag}`,
  searchFor: `zebra runbook ${tag} release checklist`,
});

type TProblems = { messages: string[]; watch: (page: Page) => void };

/**
 * Everything that went wrong in the browser while the flow ran: console errors, uncaught exceptions,
 * answers of 400 and above, requests that failed. A request the app or the browser cancelled
 * (ERR_ABORTED: a page left, a query superseded) is not a failure.
 */
const problems = (): TProblems => {
  const messages: string[] = [];
  return {
    messages,
    watch: (page) => {
      page.on(
        "console",
        (message) =>
          message.type() === "error" &&
          messages.push(`console error on ${new URL(page.url()).pathname}: ${message.text()}`),
      );
      page.on("pageerror", (error) => messages.push(`uncaught on ${new URL(page.url()).pathname}: ${error.message}`));
      page.on(
        "response",
        (response) =>
          response.status() >= 400 &&
          messages.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`),
      );
      page.on("requestfailed", (request) => {
        const reason = request.failure()?.errorText ?? "";
        if (!reason.includes("ERR_ABORTED"))
          messages.push(`failed ${request.method()} ${new URL(request.url()).pathname}: ${reason}`);
      });
    },
  };
};

/** Waits (bounded) until `read` gives a value `check` accepts, doing `again` between reads; the last value otherwise. */
const until = async <T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  { ms, again }: { ms: number; again?: () => Promise<unknown> },
) => {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await again?.();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    value = await read();
  }
  return value;
};

/** A minute boundary at least `ms` from now, as a datetime-local input takes it (the browser runs in UTC). */
const localMinute = (ms: number) => new Date(Math.ceil((Date.now() + ms) / MINUTE) * MINUTE);
const asLocalInput = (date: Date) => date.toISOString().slice(0, 16);

describe("a new user's first hour", () => {
  const e2e = useE2e({ worker: true });

  const firstHour = async (width: "desktop" | "phone") => {
    const found = problems();
    const page = await e2e.newPage({ viewport: width === "phone" ? PHONE : DESKTOP });
    found.watch(page);
    try {
      await flow(page, width, found);
    } catch (error) {
      // Where it stopped, and what the browser said before: the step's own error rarely tells why.
      await screenshot(page, `first-hour-${width}-failed`).catch(() => undefined);
      if (found.messages.length) (error as Error).message += `\nThe browser reported:\n${found.messages.join("\n")}`;
      throw error;
    }
  };

  const flow = async (page: Page, width: "desktop" | "phone", found: TProblems) => {
    const phone = width === "phone";
    const words = texts(width);
    const wide: Record<string, string[]> = {};
    const step = async (name: string, ready: Locator) => {
      await expectVisible(ready);
      if (!phone) return;
      await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
      const { scrollWidth, width: pageWidth, offenders } = await overflow(page);
      if (scrollWidth > pageWidth || offenders.length) wide[name] = [`${scrollWidth} px wide`, ...offenders];
    };
    // Through the app's own navigation, as a person moves around: the sidebar, or the menu on a phone.
    const open = async (label: string) => {
      if (phone) await page.getByRole("button", { name: "Menu" }).click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    };
    const toast = (text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

    // Sign up.
    const email = `first-hour-${width}-${Date.now()}@example.com`;
    await page.goto("/sign-up");
    await step("sign-up", page.getByRole("button", { name: "Create account" }));
    await page.getByLabel("Name").fill(words.name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long passphrase for the first hour");
    await page.getByRole("button", { name: "Create account" }).click();

    // Onboarding: the coach learns the role, goals and work.
    await page.waitForURL((url) => url.pathname === "/welcome");
    const about = page.getByRole("form", { name: "Tell your coach about you" });
    await step("onboarding", about);
    await about.getByLabel(/Your role/).fill(words.role);
    await about.getByLabel(/What you want to work on/).fill(words.onboardingGoals);
    await about.getByLabel(/About your work/).fill(words.work);
    await about.getByRole("button", { name: "Save and talk to your coach" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/chat"));
    await expectVisible(toast("Saved. Your coach knows this now."));

    // Chat: the offline coach sets a goal when asked plainly.
    // A new user's first conversation: the call to action beside the empty list, or on a phone (one pane) the list's button.
    await page.getByRole("button", { name: phone ? "New conversation" : "Start a conversation" }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const box = page.getByLabel("Message to your coach");
    await box.fill(`Set a goal to ${words.chatGoal.charAt(0).toLowerCase()}${words.chatGoal.slice(1)} this month`);
    await box.press("Enter");
    const reply = page.getByRole("article", { name: "Coach" }).last();
    await step("chat", reply.getByText(`I set your goal “${words.chatGoal}”`, { exact: false }));
    await screenshot(page, `first-hour-${width}-chat`);
    if (phone) await page.getByRole("button", { name: "← Back" }).click();

    // Goals: the chat's goal is there; one more, by hand.
    await open("Goals");
    const goals = page.getByRole("list", { name: "Goals" });
    await step("goals", goals.getByRole("listitem", { name: words.chatGoal }));
    await page.getByRole("button", { name: "New goal" }).first().click();
    const newGoal = page.getByRole("dialog", { name: "New goal" });
    await newGoal.getByLabel("Goal").fill(words.goal);
    await newGoal.getByLabel("Period").selectOption("weekly");
    await newGoal.getByRole("button", { name: "Create goal" }).click();
    await step("goals with a new one", goals.getByRole("listitem", { name: words.goal }));

    // A commitment for that goal, with a reminder a minute or two ahead (the next whole minute past one
    // from now): the worker sends it while the hour goes on, and it is on the dashboard at the end.
    await page.getByRole("tab", { name: "Commitments" }).click();
    await page.getByRole("button", { name: "New commitment" }).first().click();
    const newCommitment = page.getByRole("dialog", { name: "New commitment" });
    await newCommitment.getByLabel("Commitment").fill(words.commitment);
    await newCommitment.getByLabel("For goal").selectOption({ label: words.goal });
    await newCommitment.getByLabel("Due").fill(asLocalInput(localMinute(24 * 60 * MINUTE)));
    const remindAt = localMinute(MINUTE);
    await newCommitment.getByLabel("Remind me at").fill(asLocalInput(remindAt));
    await newCommitment.getByRole("button", { name: "Make commitment" }).click();
    // With the worker running, the page may promise the reminder.
    await expectVisible(toast("Commitment made; you will be reminded."));
    await step(
      "commitments",
      page.getByRole("list", { name: "Commitments" }).getByRole("listitem", { name: words.commitment }),
    );
    await screenshot(page, `first-hour-${width}-commitments`);

    // A check-in.
    await open("Check-ins");
    await page.getByLabel("Feeling").fill(words.feeling);
    await page.getByRole("radio", { name: "Hard" }).click();
    await page.getByRole("button", { name: "Log feeling" }).click();
    await step("check-ins", page.getByRole("list", { name: "Recent feelings" }).getByText("Hard", { exact: false }));
    await page.getByLabel("Energy 7 of 10").check({ force: true });
    await page.getByRole("button", { name: "Log energy" }).click();
    await expectVisible(page.getByRole("list", { name: "Recent energy" }).getByText("Energy 7/10"));

    // A screenshot of a chat, read by the worker's OCR, checked and confirmed.
    const renderer = await launchChromium();
    const image = await renderChat(renderer, words.chat, { header: "Alex" }).finally(() => renderer.close());
    await open("Analysis");
    await page.getByRole("button", { name: "New analysis" }).first().click();
    const newSession = page.getByRole("dialog", { name: "New analysis" });
    await newSession.getByRole("radio", { name: "A screenshot" }).click();
    await newSession.getByLabel("Name").fill(words.session);
    await newSession.getByRole("button", { name: "Start" }).click();
    await page.waitForURL(/\/analysis\/[0-9a-f-]{36}$/);
    await page
      .getByLabel("Screenshot file")
      .setInputFiles({ name: "chat.png", mimeType: "image/png", buffer: Buffer.from(image) });
    await page.getByRole("button", { name: "Upload and read the text" }).click();
    const review = page.getByRole("heading", { name: "Check what was read" });
    await review.waitFor({ state: "visible", timeout: 180_000 });
    await step("screenshot read", review);
    const lines = await page
      .getByLabel(/^Line \d+: text$/)
      .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
    for (const expected of words.chat)
      expect(
        Math.max(...lines.map((line) => similarity(line, expected.text))),
        `${expected.text} in ${JSON.stringify(lines)}`,
      ).toBeGreaterThan(0.8);
    await screenshot(page, `first-hour-${width}-ocr`);
    await page.getByRole("button", { name: /^Confirm \d+ lines?$/ }).click();
    await step("analysis conversation", page.getByRole("list", { name: "Conversation" }).getByText(/Saturday/));

    // A post to the community.
    await open("Community");
    await page.getByRole("button", { name: "New post" }).click();
    const newPost = page.getByRole("dialog", { name: "New post" });
    await newPost.getByLabel("Title").fill(words.postTitle);
    await newPost.getByLabel("What happened").fill(words.postBody);
    await newPost.getByRole("button", { name: "Publish" }).click();
    await expectVisible(toast("Published to the feed."));
    await step("community", page.getByRole("article", { name: words.postTitle }));
    await screenshot(page, `first-hour-${width}-community`);

    // Search finds the post once the worker has embedded it, and opens it.
    await open("Search");
    await page.getByLabel("Search for").fill(words.searchFor);
    const memory = page.getByRole("region", { name: "From your memory" });
    const post = memory.getByRole("listitem").filter({ hasText: `zebra runbook ${width}` });
    const search = () => page.getByRole("button", { name: "Search" }).click();
    await search();
    await until(
      () => post.count(),
      (count) => count > 0,
      { ms: 90_000, again: search },
    );
    await step("search", post);
    await screenshot(page, `first-hour-${width}-search`);
    await post.getByRole("link", { name: /^Open the post/ }).click();
    await step(
      "search result opened",
      page.getByRole("region", { name: "The post you opened" }).getByText(words.postTitle),
    );

    // A report, written by the worker.
    await open("Reports");
    const generate = page.getByRole("form", { name: "Generate a report" });
    await generate.getByLabel("Report length to generate").selectOption({ label: "Last 2 days" });
    await generate.getByRole("button", { name: "Generate report" }).click();
    await toast("Your 2-day report is ready.").waitFor({ state: "visible", timeout: 150_000 });
    await step("report", page.getByRole("heading", { level: 2 }).first());
    await screenshot(page, `first-hour-${width}-report`);

    // The reminder, sent by the worker at its time, is on the dashboard.
    await open("Dashboard");
    await page.getByTestId("dashboard-ready").waitFor();
    const notifications = page.getByRole("region", { name: "Notifications" });
    const reminder = notifications.getByRole("listitem").filter({ hasText: words.commitment });
    await until(
      () => reminder.count(),
      (count) => count > 0,
      { ms: Math.max(0, remindAt.getTime() - Date.now()) + 120_000, again: () => page.reload() },
    );
    await step("dashboard with the reminder", reminder);
    await screenshot(page, `first-hour-${width}-dashboard`);

    // Settings: what the coach was told is there; a new name shows at once.
    await open("Settings");
    await step("settings", page.getByText(words.work));
    const profile = page.getByRole("form", { name: "Profile and career" });
    await profile.getByLabel("Name").fill(`${words.name} Jr`);
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expectVisible(toast("Your profile is saved."));
    await screenshot(page, `first-hour-${width}-settings`);

    const user = await e2e.stack.db.user.findUniqueOrThrow({
      where: { email },
      include: { userContext: true, goals: true, commitments: true },
    });
    expect(user.name).toBe(`${words.name} Jr`);
    expect(user.userContext?.workContext).toBe(words.work);
    expect(user.goals.map((goal) => goal.title).sort()).toEqual([words.chatGoal, words.goal].sort());
    expect(user.commitments.map((commitment) => [commitment.title, commitment.remindAt?.getTime()])).toEqual([
      [words.commitment, remindAt.getTime()],
    ]);
    expect(found.messages).toEqual([]);
    expect(wide).toEqual({});
    expect(e2e.stack.worker!.errors()).toEqual([]);
  };

  /**
   * Both widths at once, each its own user in its own browser context: most of the hour is waiting for
   * the worker (reading the screenshot, embedding the post, writing the report, the reminder's minute),
   * which the two share instead of waiting twice. Each width's failure is reported with its name.
   */
  it("at desktop and at phone width (390 px, no page wider than the phone): sign up, onboarding, chat, goal, commitment with a reminder, check-in, screenshot, post, search, report, settings", async () => {
    const widths = ["desktop", "phone"] as const;
    const outcomes = await Promise.allSettled(widths.map((width) => firstHour(width)));
    const failed = outcomes.flatMap((outcome, index) =>
      outcome.status === "rejected"
        ? [`${widths[index]}: ${(outcome.reason as Error).stack ?? String(outcome.reason)}`]
        : [],
    );
    if (failed.length) throw new Error(`The first hour failed at ${failed.length} width(s):\n\n${failed.join("\n\n")}`);
  }, 900_000);
});
