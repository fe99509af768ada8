import { describe, expect, it } from "vitest";

import { recogniseIntents, type TIntent } from "./intents.ts";

const ALL = new Set([
  "create_goal",
  "create_commitment",
  "log_emotion",
  "log_energy",
  "create_task",
  "create_deadline",
]);
// Saturday 28 March 2026, 21:30 in Berlin; clocks go forward to summer time (UTC+2) that night.
const BERLIN = { now: Date.parse("2026-03-28T20:30:00Z"), timezone: "Europe/Berlin" };
const iso = (text: string) => Date.parse(text);

const one = (message: string, clock = BERLIN): TIntent => {
  const intents = recogniseIntents(message, clock, ALL);
  expect(intents, message).toHaveLength(1);
  return intents[0]!;
};
const call = (message: string, clock = BERLIN) => {
  const intent = one(message, clock);
  expect(intent.kind, `${message} → ${JSON.stringify(intent)}`).toBe("call");
  return intent as Extract<TIntent, { kind: "call" }>;
};

describe("goals", () => {
  it.each([
    ["Set a goal to run a 10k", { title: "Run a 10k", period: "monthly" }],
    ["pls set a gaol to run a 5k by end of may", { title: "Run a 5k", deadline: iso("2026-05-31T21:59:00Z") }],
    [
      "I want to set myself a weekly goal: ship the billing revamp",
      { title: "Ship the billing revamp", period: "weekly" },
    ],
    ["My goal for this week is to ship the billing revamp", { title: "Ship the billing revamp", period: "weekly" }],
    ["Make shipping v2 my goal for this month", { title: "Shipping v2", period: "monthly" }],
    ["new goal - read 12 books this year", { title: "Read 12 books", period: "yearly" }],
    ["Set a goal to meditate every day", { title: "Meditate every day", period: "daily" }],
    ["Could you set a goal for me to learn Rust this quarter?", { title: "Learn Rust", period: "quarterly" }],
    [
      "Let's add a goal of reducing meetings by 20% this quarter.",
      { title: "Reducing meetings by 20%", period: "quarterly" },
    ],
    ["Set a goal to run in the evenings", { title: "Run in the evenings", period: "monthly" }],
    [
      "CREATE A GOAL: Finish the AWS certification by Friday",
      { title: "Finish the AWS certification", period: "weekly", deadline: iso("2026-04-03T21:59:00Z") },
    ],
  ])("%s", (message, expected) => {
    const intent = call(message);
    expect(intent.tool).toBe("create_goal");
    expect(intent.arguments).toMatchObject(expected);
  });

  it("asks what the goal is when the request has none", () => {
    expect(one("Help me set a goal")).toMatchObject({
      kind: "ask",
      tool: "create_goal",
      question: expect.stringContaining("What should the goal be"),
    });
    expect(one("I want to set a goal but I don't know which")).toMatchObject({ kind: "ask", tool: "create_goal" });
  });
});

describe("commitments and reminders", () => {
  // 9:00 on Sunday in Berlin is already summer time: 07:00 UTC, not 08:00.
  const sundayNine = iso("2026-03-29T07:00:00Z");

  it.each([
    "remind me tomorrow at 9 to call Sam",
    "remnd me tmrw at 9 to call Sam",
    "Tomorrow at 9, remind me to call Sam",
    "Call Sam tomorrow at 9 — remind me",
    "could you please remind me to call Sam tomorrow at 9am",
    "Remind me to call Sam at 9 tomorow",
    "I'll call Sam at 9 tomorrow, hold me to it",
  ])("%s → Call Sam, Sunday 9:00 Berlin time", (message) => {
    const intent = call(message);
    expect(intent).toMatchObject({
      tool: "create_commitment",
      arguments: { title: "Call Sam", remindAt: sundayNine, dueAt: sundayNine },
    });
  });

  it("reads the time in the user's timezone", () => {
    // 05:30 on Sunday in Tokyo: "tomorrow" is Monday.
    const tokyo = call("remind me tomorrow at 9 to call Sam", { now: BERLIN.now, timezone: "Asia/Tokyo" });
    expect(tokyo.arguments.remindAt).toBe(iso("2026-03-30T00:00:00Z"));
    const newYork = call("remind me tomorrow at 9 to call Sam", { now: BERLIN.now, timezone: "America/New_York" });
    expect(newYork.arguments.remindAt).toBe(iso("2026-03-29T13:00:00Z"));
    const unknown = call("remind me tomorrow at 9 to call Sam", { now: BERLIN.now, timezone: "Mars/Olympus" });
    expect(unknown.arguments.remindAt).toBe(iso("2026-03-29T09:00:00Z"));
  });

  it.each([
    ["Can you remind me at 3 to stretch?", { title: "Stretch", remindAt: iso("2026-03-29T13:00:00Z") }],
    ["Remind me to call mum on Sunday", { title: "Call mum", remindAt: sundayNine }],
    ["add a comitment: call mum on sunday at 6pm", { title: "Call mum", remindAt: iso("2026-03-29T16:00:00Z") }],
    [
      "I'd like you to remind me in 2 hours to take a break",
      { title: "Take a break", remindAt: iso("2026-03-28T22:30:00Z") },
    ],
    [
      "Set a reminder for 7pm to water the plants",
      { title: "Water the plants", remindAt: iso("2026-03-29T17:00:00Z") },
    ],
  ])("%s", (message, expected) => {
    expect(call(message)).toMatchObject({ tool: "create_commitment", arguments: expected });
  });

  it("keeps a day without a time as a due date, and a commitment without a time as it is", () => {
    expect(call("I commit to sending the proposal by Friday").arguments).toEqual({
      title: "Sending the proposal",
      dueAt: iso("2026-04-03T21:59:00Z"),
    });
    expect(call("I promise to go to the gym three times a week").arguments).toEqual({
      title: "Go to the gym three times a week",
    });
  });

  it("asks when a reminder has no time, and refuses a time already past", () => {
    expect(one("remind me to call Sam")).toMatchObject({
      kind: "ask",
      question: expect.stringContaining("When should I remind you about “Call Sam”"),
    });
    expect(one("remind me yesterday at 9 to call Sam")).toMatchObject({
      kind: "ask",
      question: expect.stringMatching(/^Fri 27 Mar, 09:00 has already passed/),
    });
  });
});

describe("mood and energy", () => {
  it.each([
    ["log my enrgy as 4", { level: 4 }],
    ["energy 6/10 today", { level: 6 }],
    ["My energy today is about a 6, slept badly", { level: 6, note: "Slept badly" }],
    ["I'm at a 3 for energy", { level: 3 }],
    ["track my energy: pretty good", { level: 7 }],
    ["Energy level: 3 out of 5", { level: 6 }],
    ["my energy is low", { level: 3 }],
  ])("%s", (message, expected) => {
    expect(call(message)).toMatchObject({ tool: "log_energy", arguments: expected });
  });

  it.each([
    [
      "log my mood as anxious about the review",
      { label: "anxious", valence: "negative", intensity: 5, note: "The review" },
    ],
    ["my mood todya is really stressed", { label: "stressed", valence: "negative", intensity: 8 }],
    ["Mood: 7/10 happy", { label: "happy", valence: "positive", intensity: 7 }],
    ["I feel anxious about the review, log it", { label: "anxious", valence: "negative" }],
    ["Log that I'm feeling great", { label: "great", valence: "positive" }],
    ["record my mood: a bit anxoius", { label: "anxious", intensity: 3 }],
    ["Log my mood as bittersweet", { label: "bittersweet", valence: "neutral" }],
    ["log my mood: not great", { label: "not great", valence: "negative" }],
  ])("%s", (message, expected) => {
    expect(call(message)).toMatchObject({ tool: "log_emotion", arguments: expected });
  });

  it("passes an out-of-range level on, for the tool to refuse in its own words", () => {
    expect(call("Please log my energy as 11").arguments).toEqual({ level: 11 });
  });

  it("asks for the feeling or level a log request left out", () => {
    expect(one("log my mood")).toMatchObject({ kind: "ask", tool: "log_emotion" });
    expect(one("log my energy")).toMatchObject({ kind: "ask", tool: "log_energy" });
  });
});

describe("tasks and deadlines", () => {
  it.each([
    ["add a task: renew passport by friday", { title: "Renew passport", dueDate: iso("2026-04-03T21:59:00Z") }],
    ["add taks: renew passport", { title: "Renew passport" }],
    ["Add buy milk to my to-do list", { title: "Buy milk" }],
    [
      "Add an urgent task to fix the login bug tomorrow",
      { title: "Fix the login bug", priority: "urgent", dueDate: iso("2026-03-29T21:59:00Z") },
    ],
    ["Add a task to wash the truck", { title: "Wash the truck" }],
    ["todo: book the venue (high priority)", { title: "Book the venue", priority: "high" }],
  ])("%s", (message, expected) => {
    expect(call(message)).toMatchObject({ tool: "create_task", arguments: expected });
  });

  it.each([
    ["deadlin for the tax return is april 15", { title: "The tax return", dueAt: iso("2026-04-15T21:59:00Z") }],
    [
      "Add a deadline for the tax return on April 15 and remind me a day before",
      { title: "The tax return", dueAt: iso("2026-04-15T21:59:00Z"), reminderAt: iso("2026-04-14T21:59:00Z") },
    ],
    [
      "The deadline for the grant application is May 3",
      { title: "The grant application", dueAt: iso("2026-05-03T21:59:00Z") },
    ],
    [
      "Q2 budget is due on April 30 at 5pm, add it as a deadline",
      { title: "Q2 budget", dueAt: iso("2026-04-30T15:00:00Z") },
    ],
  ])("%s", (message, expected) => {
    expect(call(message)).toMatchObject({ tool: "create_deadline", arguments: expected });
  });

  it("asks when a deadline is due when the words give no date", () => {
    expect(one("Set a deadline for the report")).toMatchObject({
      kind: "ask",
      question: "When is “The report” due? For example: “on April 15”.",
    });
  });
});

// A second set, written after the recogniser, in other words and orders; each call as it comes out.
describe("other phrasings", () => {
  it.each([
    [
      "Please remind me on Tuesday at 4pm to send the invoice",
      "create_commitment",
      { title: "Send the invoice", remindAt: iso("2026-03-31T14:00:00Z") },
    ],
    [
      "hey cto, set me a goal: get promoted to staff engineer by december",
      "create_goal",
      { title: "Get promoted to staff engineer", period: "yearly" },
    ],
    [
      "Remind me in 30 minutes to stand up and stretch",
      "create_commitment",
      { title: "Stand up and stretch", remindAt: iso("2026-03-28T21:00:00Z") },
    ],
    ["can u add a task to review Maya's PR", "create_task", { title: "Review Maya's PR" }],
    [
      "I want to commit to writing 500 words every day this week",
      "create_commitment",
      { title: "Writing 500 words every day" },
    ],
    [
      "Mood check-in: frustrated, 8/10, the deploy broke again",
      "log_emotion",
      { label: "frustrated", intensity: 8, note: "The deploy broke again" },
    ],
    ["log energy 2", "log_energy", { level: 2 }],
    [
      "i'm feeling super motivated today, please log it",
      "log_emotion",
      { label: "motivated", valence: "positive", intensity: 8 },
    ],
    ["My energy level right now: high", "log_energy", { level: 8 }],
    ["Log my energy as eight", "log_energy", { level: 8 }],
    [
      "Add a deadline: conference talk submission, March 31",
      "create_deadline",
      { title: "Conference talk submission", dueAt: iso("2026-03-31T21:59:00Z") },
    ],
    [
      "new task: prepare slides for the all-hands, due next Monday",
      "create_task",
      { title: "Prepare slides for the all-hands", dueDate: iso("2026-03-30T21:59:00Z") },
    ],
    [
      "remind me next friday morning to book the dentist",
      "create_commitment",
      { title: "Book the dentist", remindAt: iso("2026-04-03T07:00:00Z") },
    ],
    ["Set a monthly goal of reading two books", "create_goal", { title: "Reading two books", period: "monthly" }],
    ["Could you log my mood? I'm pretty anxious.", "log_emotion", { label: "anxious", intensity: 6 }],
    ["Note that I feel grateful, log it please", "log_emotion", { label: "grateful", valence: "positive" }],
    ['Add "renew car insurance" to my todo list', "create_task", { title: "Renew car insurance" }],
    [
      "Create a reminder to call the bank at 10am tomorrow",
      "create_commitment",
      { title: "Call the bank", remindAt: iso("2026-03-29T08:00:00Z") },
    ],
    [
      "I promise I'll finish the report by Thursday",
      "create_commitment",
      { title: "Finish the report", dueAt: iso("2026-04-02T21:59:00Z") },
    ],
    [
      "set a goal for this quarter to cut cloud costs by 15%",
      "create_goal",
      { title: "Cut cloud costs by 15%", period: "quarterly" },
    ],
    [
      "remind me at 17:30 to leave the office",
      "create_commitment",
      { title: "Leave the office", remindAt: iso("2026-03-29T15:30:00Z") },
    ],
    [
      "Tomorrow 8am: remind me about the standup",
      "create_commitment",
      { title: "The standup", remindAt: iso("2026-03-29T06:00:00Z") },
    ],
    ["track my mood: overwhelmed", "log_emotion", { label: "overwhelmed", valence: "negative" }],
    ["energy's low today", "log_energy", { level: 3 }],
    [
      "add an important task: fix the flaky CI job by EOD",
      "create_task",
      { title: "Fix the flaky CI job by EOD", priority: "high" },
    ],
    [
      "I need to remember to buy a gift for Anna on Saturday, remind me",
      "create_commitment",
      { title: "Buy a gift for Anna", remindAt: iso("2026-04-04T07:00:00Z") },
    ],
    [
      "Set a deadline of June 30 for the migration",
      "create_deadline",
      { title: "The migration", dueAt: iso("2026-06-30T21:59:00Z") },
    ],
    [
      "Deadline for the visa application: 15 May, remind me 3 days before",
      "create_deadline",
      { title: "The visa application", reminderAt: iso("2026-05-12T21:59:00Z") },
    ],
  ] as const)("%s", (message, tool, expected) => {
    expect(call(message)).toMatchObject({ tool, arguments: expected });
  });
});

describe("what must not call a tool", () => {
  it.each([
    "I don't want to set a goal right now.",
    "What are my goals?",
    "How do I set a goal that sticks?",
    "My manager set a goal for the team.",
    "set goals for my team",
    "Please don't remind me about this",
    "No need to remind me",
    "I told Sam I'd remind him tomorrow",
    "remind me what we discussed",
    "Remind me of my goals",
    "Did you log my mood?",
    "Can I log my energy here?",
    "Should I add a task for this?",
    "Energy prices are high",
    "I'm feeling anxious about tomorrow",
    "Why do deadlines stress me out so much?",
    "We missed the deadline on Friday and the team is upset",
    "The goal of the meeting is to align on the roadmap",
    "I feel anxious but please don't log it",
    "what's my energy been like this week?",
    "Should I set a deadline for the migration?",
    "How are my commitments going?",
    "I set a goal last month but failed it",
    "My team's goal is to ship faster",
    "I don't need a reminder for that",
    "Can you not log this?",
    "The task was hard today",
    "I remember the march to the office in the rain",
    "",
    "   ",
  ])("%j", (message) => {
    expect(recogniseIntents(message, BERLIN, ALL)).toEqual([]);
  });

  it("considers only the tools offered", () => {
    expect(recogniseIntents("Set a goal to run a 10k", BERLIN, new Set(["log_energy"]))).toEqual([]);
  });
});

describe("several requests in one message", () => {
  it("recognises each clause, at most three, in order", () => {
    const intents = recogniseIntents(
      "Add a task to call Sam, and remind me tomorrow at 9 to email Kim. Also log my energy as 7.",
      BERLIN,
      ALL,
    );
    expect(
      intents.map(
        (intent) => intent.kind === "call" && [intent.tool, intent.arguments.title ?? intent.arguments.level],
      ),
    ).toEqual([
      ["create_task", "Call Sam"],
      ["create_commitment", "Email Kim"],
      ["log_energy", 7],
    ]);
    expect(
      recogniseIntents("Log my energy as 1. Log my energy as 2. Log my energy as 3. Log my energy as 4.", BERLIN, ALL),
    ).toHaveLength(3);
  });

  it("survives long and hostile text without calling anything odd", () => {
    const long = `Set a goal to ${"really ".repeat(500)}improve`;
    const intent = call(long);
    expect((intent.arguments.title as string).length).toBeLessThanOrEqual(200);
    expect(
      recogniseIntents("\u0000remind me \u202e tomorrow", BERLIN, ALL).every(
        (item) => item.kind === "ask" || item.tool === "create_commitment",
      ),
    ).toBe(true);
    expect(recogniseIntents("set a goal to ".repeat(200), BERLIN, ALL).length).toBeLessThanOrEqual(3);
  });

  it("reads only the start of a very long message, so hostile text cannot tie up the server", () => {
    recogniseIntents("warm up chrono", BERLIN, ALL);
    // Each of these took 2-11 s before the bounds (regular expressions backtracking over 32,000 characters).
    const hostile = [
      `a${" ".repeat(31_990)}b`,
      `I feel anxious${" ".repeat(31_000)}log`,
      "-".repeat(32_000),
      `remind me${", ".repeat(15_000)}x`,
      "hello there. ".repeat(2_400),
    ];
    const startedAt = performance.now();
    for (const text of hostile)
      expect(recogniseIntents(text, BERLIN, ALL).every((intent) => intent.kind === "ask")).toBe(true);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(recogniseIntents(`${"Fine. ".repeat(40)}Set a goal to run`, BERLIN, ALL)).toEqual([]);
  });
});
