/**
 * The offline coach's words, put together from the request's grounding (the user's goals,
 * commitments, profile, the numbered sources) and the results of the tools it called. System
 * text is never read here: what the prompt says in prose, the grounding holds as data.
 */
import type { TChatGrounding, TChatMessage, TToolCall } from "../provider.ts";
import { formatWhen, offsetMinutes, type TClock } from "./dates.ts";
import { contentWords, excerpt, fnv1a, overlaps } from "./text.ts";

export const COACH_LABEL =
  "I'm Cto's offline local coach: no AI model is configured, so I answer from what you have stored here rather than writing a reply.";
export const SUMMARY_LABEL =
  "Offline summary: no AI model is configured, so this lists what was recorded rather than telling it as a story.";

const QUESTIONS = [
  "What is the smallest next step you could take on this today?",
  "What would a good outcome here look like for you, in one sentence?",
  "What has made this hard so far, and what has helped even a little?",
  "If you looked back on this in a month, what would you want to have done?",
];

const OWNER_LABELS: Record<string, string> = {
  message: "an earlier conversation",
  insight: "your insights",
  report: "one of your reports",
  emotion: "a check-in of yours",
  energy_metric: "a check-in of yours",
  goal: "your goals",
  commitment: "your commitments",
  post: "your growth diary",
  story: "one of your stories",
  analysis_message: "a chat you analysed",
  user_context: "what you told me about yourself",
  conversation: "an earlier conversation",
};

const quote = (text: string, max: number) => `“${excerpt(text, max)}”`;

/** A due time as the user reads it; a time of 23:59 stands for "that day". */
const dueText = (at: number, clock: TClock) => {
  const local = new Date(at + offsetMinutes(at, clock.timezone) * 60_000);
  return formatWhen(at, clock, !(local.getUTCHours() === 23 && local.getUTCMinutes() === 59));
};

const asksAbout = (message: string, noun: RegExp) =>
  noun.test(message) &&
  (/\?\s*$/.test(message) ||
    /\b(?:what|which|list|show|tell\s+me|remind\s+me\s+(?:of|about)|do\s+i\s+have|how\s+many)\b/i.test(message));

const goalLine = (goal: NonNullable<TChatGrounding["goals"]>[number], clock: TClock) =>
  `${quote(goal.title, 100)} (${goal.progress}% done, ${goal.period}${goal.deadline ? `, by ${dueText(goal.deadline, clock)}` : ""})`;
const commitmentLine = (commitment: NonNullable<TChatGrounding["commitments"]>[number], clock: TClock) => {
  const when = commitment.remindAt ?? commitment.dueAt;
  return `${quote(commitment.title, 100)}${when ? ` (${commitment.remindAt ? "reminder" : "due"} ${dueText(when, clock)})` : ""}`;
};

/** A reply to a message that asked for nothing the tools do: what is stored that bears on it, then one question. */
export const coachReply = (message: string, grounding: TChatGrounding | undefined, clock: TClock): string => {
  const goals = grounding?.goals ?? [];
  const commitments = grounding?.commitments ?? [];
  const body: string[] = [];
  if (asksAbout(message, /\bgoals?\b/i)) {
    body.push(
      goals.length
        ? `Your active goals: ${goals.map((goal) => goalLine(goal, clock)).join("; ")}.`
        : "You have no active goals yet. Say, for example, “Set a goal to run a 10k by June” and I will record it.",
    );
  }
  if (asksAbout(message, /\b(?:commitments?|reminders?|promises?)\b/i)) {
    body.push(
      commitments.length
        ? `Your open commitments: ${commitments.map((commitment) => commitmentLine(commitment, clock)).join("; ")}.`
        : "You have no open commitments. Say, for example, “Remind me tomorrow at 9 to call Sam” and I will add one.",
    );
  }
  if (body.length === 0) {
    const words = contentWords(message);
    const sources = (grounding?.sources ?? []).map((source, i) => ({ ...source, n: i + 1 }));
    for (const source of sources.filter((item) => item.kind === "memory").slice(0, 2)) {
      body.push(
        `From ${OWNER_LABELS[source.ownerKind ?? ""] ?? "your notes"}: ${quote(source.content, 160)} [${source.n}].`,
      );
    }
    const knowledge = sources.find((item) => item.kind === "knowledge");
    if (knowledge) body.push(`From the coaching library: ${quote(knowledge.content, 220)} [${knowledge.n}].`);
    for (const goal of goals.filter((item) => overlaps(contentWords(item.title), words) > 0).slice(0, 2))
      body.push(`This connects to your goal ${goalLine(goal, clock)}.`);
    const profile = (grounding?.profile ?? []).find((item) => overlaps(contentWords(item.value), words) > 0);
    if (profile) body.push(`You told me (${profile.label.toLowerCase()}): ${quote(profile.value, 160)}.`);
    if (body.length === 0) {
      body.push("I have nothing stored yet that matches this.");
      body.push(
        "I can record goals, commitments with reminders, tasks, deadlines and mood or energy check-ins when you ask plainly, for example “Remind me tomorrow at 9 to call Sam”.",
      );
    }
  }
  return [COACH_LABEL, body.join(" "), QUESTIONS[fnv1a(message) % QUESTIONS.length]!].join("\n\n");
};

/** A clear request that lacked a detail: the questions that get it. */
export const askReply = (questions: string[]): string => [COACH_LABEL, questions.join(" ")].join("\n\n");

const text = (value: unknown) => (typeof value === "string" ? value : "");
const number = (value: unknown) => (typeof value === "number" ? value : undefined);

const describeDone = (call: TToolCall, clock: TClock): string => {
  const args = (call.arguments ?? {}) as Record<string, unknown>;
  const title = quote(text(args.title), 100);
  switch (call.name) {
    case "create_goal": {
      const deadline = number(args.deadline);
      return `I set your goal ${title} (${text(args.period)}${deadline ? `, by ${dueText(deadline, clock)}` : ""}).`;
    }
    case "create_commitment": {
      const [remindAt, dueAt] = [number(args.remindAt), number(args.dueAt)];
      return `I added your commitment ${title}${remindAt ? ` and will remind you on ${formatWhen(remindAt, clock)}` : dueAt ? `, due ${dueText(dueAt, clock)}` : ""}.`;
    }
    case "log_emotion":
      return `I logged your mood: ${text(args.label)} (${number(args.intensity) ?? "?"}/10).`;
    case "log_energy":
      return `I logged your energy at ${number(args.level) ?? "?"}/10.`;
    case "create_task": {
      const dueDate = number(args.dueDate);
      return `I added the task ${title}${args.priority ? ` (${text(args.priority)} priority)` : ""}${dueDate ? `, due ${dueText(dueDate, clock)}` : ""}.`;
    }
    case "create_deadline": {
      const [dueAt, reminderAt] = [number(args.dueAt), number(args.reminderAt)];
      return `I added the deadline ${title}${dueAt ? `, due ${dueText(dueAt, clock)}` : ""}${reminderAt ? `, with a reminder on ${formatWhen(reminderAt, clock)}` : ""}.`;
    }
    default:
      return `I ran ${call.name}.`;
  }
};

const WHAT: Record<string, string> = {
  create_goal: "set the goal",
  create_commitment: "add the commitment",
  log_emotion: "log your mood",
  log_energy: "log your energy",
  create_task: "add the task",
  create_deadline: "add the deadline",
};

/** What the tool calls of this turn did, read from their results (the tool messages after the calls). */
export const toolReply = (messages: TChatMessage[], clock: TClock, questions: string[]): string => {
  const calls = messages.flatMap((message) => (message.role === "assistant" ? (message.toolCalls ?? []) : []));
  const results = new Map(
    messages.filter((message) => message.role === "tool").map((message) => [message.toolCallId ?? "", message.content]),
  );
  const lines = calls.map((call) => {
    let result: { ok?: unknown; error?: unknown } = {};
    try {
      result = JSON.parse(results.get(call.id) ?? "{}") as typeof result;
    } catch {
      // A result that is not JSON is reported as a failure below.
    }
    if (result.ok === true) return describeDone(call, clock);
    return `I could not ${WHAT[call.name] ?? `run ${call.name}`}: ${text(result.error) || "it failed without saying why"}.`;
  });
  return [COACH_LABEL, [...lines, ...questions].join(" ")].join("\n\n");
};

/** A report summary or story offline: the facts as recorded, said plainly. */
export const summaryReply = (grounding: TChatGrounding): string => {
  const facts = (grounding.facts ?? []).map((fact) => fact.trim()).filter(Boolean);
  const body = facts.length
    ? facts.map((fact) => (/[.!?]$/.test(fact) ? fact : `${fact}.`)).join(" ")
    : "Nothing was recorded for this period yet. One small step: a one-line check-in today.";
  return [SUMMARY_LABEL, body].join("\n\n");
};
