/**
 * The plain requests the coach's tools serve, recognised in the user's words without a model:
 * "set a goal to…", "remind me tomorrow at 9 to…", "log my mood as…", "energy 4/10",
 * "add a task…", "add a deadline… on…". A request must lead its sentence (after "please",
 * "can you", "I want to"…) or close it ("…, remind me"), so statements about other people,
 * questions ("how do I set a goal?") and refusals ("I don't want to set a goal") call nothing.
 * A clear request missing a detail the tool needs becomes a question instead of a call.
 */
import { DATE_WORDS, findWhen, formatWhen, zonedInstant, type TClock, type TWhen } from "./dates.ts";
import { emotionOf } from "./emotions.ts";
import { capitalise, correctTypos, excerpt } from "./text.ts";

export type TToolName =
  | "create_goal"
  | "create_commitment"
  | "log_emotion"
  | "log_energy"
  | "create_task"
  | "create_deadline";
export type TIntent =
  | { kind: "call"; tool: TToolName; arguments: Record<string, unknown> }
  | { kind: "ask"; tool: TToolName; question: string };

const MAX_INTENTS = 3;
const DAY_MS = 86_400_000;

// The words that name what a request is about; a (corrected) one ends the correction of the rest.
const SUBJECTS = [
  "goal",
  "task",
  "todo",
  "deadline",
  "commitment",
  "commit",
  "remind",
  "reminder",
  "energy",
  "mood",
  "emotion",
  "feeling",
  "promise",
];
const SUBJECT_WORDS = new Set(SUBJECTS);
// Typos worth fixing in the words that make a request ("remnd", "gaol", "comitment").
const REQUEST_WORDS = [...SUBJECTS, "record", "track", "please"];

/** Corrects the words up to the request's noun or verb; the rest (the title) stays as written. */
const correctRequestWords = (sentence: string): string => {
  let seen = 0;
  let done = false;
  return sentence.replace(/[\p{L}']+/gu, (word) => {
    if (done) return word;
    seen += 1;
    if (seen > 8) return word;
    const fixed = correctTypos(word, REQUEST_WORDS);
    if (SUBJECT_WORDS.has(fixed.toLowerCase())) done = true;
    return fixed;
  });
};
// The verb of a closing "…, remnd me" / "…, lgo it", and nothing else at the end (titles stay as written).
const correctClosingWords = (sentence: string): string =>
  sentence.replace(
    /([\p{L}']+)(\s+(?:me|it|that|this)(?:\s+(?:down|please))?[\s.!]*)$/u,
    (_, verb: string, tail: string) => correctTypos(verb, ["remind", "record", "track"]) + tail,
  );

// Clauses of one sentence that are requests of their own: "add a task to…, and remind me at 9 to…".
// Not a closing "…, log it" / "…, remind me", which belongs to the clause before it.
const NEXT_REQUEST = String.raw`(?=(?:please\s+)?(?:remind\s+me\s+(?!(?:of|about)\s+(?:it|that|this)\b|(?:a|an|one|two|three|four|five|six|seven|\d{1,3})\s+(?:hour|day|week)s?\s+(?:before|ahead|earlier|in\s+advance))\S|(?:log|add|set|create|track|record)\s+(?!(?:it|that|this)\b)\S))`;
const CLAUSE_BREAK = new RegExp(
  String.raw`,?\s+and\s+then\s+|,\s*then\s+|,\s*(?:and\s+)?(?:also\s+)?${NEXT_REQUEST}`,
  "i",
);

// A plain request is short and near the start: bounds keep hostile text (32,000 spaces) from costing seconds.
const MAX_SENTENCES = 30;
const MAX_SENTENCE_CHARS = 400;

const splitSentences = (message: string, clock: TClock): string[] => {
  const sentences = message
    .slice(0, MAX_SENTENCES * MAX_SENTENCE_CHARS)
    .replace(/\r/g, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/([^\p{L}\p{N}\s])\1{3,}/gu, "$1$1$1")
    .split(/(?<!\b(?:[ap]\.m|e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st))(?<=[.!?;])\s+|\n+/i)
    .map((sentence) => sentence.trim().slice(0, MAX_SENTENCE_CHARS))
    .filter(Boolean)
    .slice(0, MAX_SENTENCES);
  return sentences.flatMap((sentence) => {
    const clauses: string[] = [];
    for (const clause of sentence.split(CLAUSE_BREAK)) {
      const previous = clauses.at(-1);
      // "Tomorrow at 9, remind me…": a clause that is only a time belongs to the request after it.
      const when = previous === undefined ? null : findWhen(previous, clock);
      if (
        previous !== undefined &&
        when &&
        !stripFillers(previous.replace(when.text, "")).replace(/[\s,;:.\-–—]+/g, "")
      )
        clauses[clauses.length - 1] = `${previous}, ${clause}`;
      else clauses.push(clause.trim());
    }
    return clauses.filter(Boolean);
  });
};

const LEADING_FILLERS = [
  /^(?:please|pls|plz|kindly|ok(?:ay)?|hey|hi|hello|so|and|also|then|now|just|quickly|right|cto|coach)\b[\s,:!.-]*/i,
  /^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?/i,
  /^(?:i(?:'d|\s+would)\s+(?:like|love)\s+(?:you\s+)?to|i\s+want\s+(?:you\s+)?to|i\s+wanna|i\s+need\s+(?:you\s+)?to|let'?s|let\s+us|help\s+me(?:\s+to)?|go\s+ahead\s+and|time\s+to)\s+/i,
];
const stripFillers = (text: string): string => {
  let current = text.trim();
  for (let round = 0; round < 8; round += 1) {
    const next = LEADING_FILLERS.reduce((value, filler) => value.replace(filler, ""), current).trim();
    if (next === current) break;
    current = next;
  }
  return current;
};

const NEGATED_END = /\b(?:don'?t|do\s+not|never|not|no\s+need\s+to|won'?t|shouldn'?t|stop)\s*$/i;
const CONJUNCTION_START = /^(?:but|because|though|although|or|if|since|when|while|yet|unless)\b/i;

/** Strips connecting words and punctuation around a title; "" when nothing of substance is left. */
const cleanTitle = (text: string): string => {
  let title = text.replace(/\s+/g, " ").trim();
  for (let round = 0; round < 8; round += 1) {
    const next = title
      .replace(/^[\s:;,.\-–—"“”'‘’!]+/, "")
      .replace(
        /^(?:to|of|that|called|named|titled|about|for\s+me|for|is|as|saying|which\s+is|with|remember\s+to)\b\s*/i,
        "",
      )
      .replace(
        /^(?:i(?:'ll|\s+will|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to|\s+need\s+to|\s+have\s+to|\s+must|\s+should))\s+/i,
        "",
      );
    if (next === title) break;
    title = next;
  }
  if (CONJUNCTION_START.test(title)) return "";
  title = title.replace(/(?:[\s,;:.!?\-–—"“”'‘’]|\b(?:please|for\s+me|thanks|thank\s+you|thx|ok)\b)+$/i, "").trim();
  return capitalise(excerpt(title, 200));
};

/** The text without the time expression and the words leading into it ("by", "on", "at"…). */
const cutWhen = (text: string, clock: TClock): { when: TWhen | null; rest: string } => {
  const when = findWhen(text, clock);
  if (!when) return { when: null, rest: text };
  const before = text
    .slice(0, when.index)
    .replace(/(?:\s*\b(?:is|are|it's|due|by|before|until|till|on|at|for|from|starting|no\s+later\s+than)\b)*\s*$/i, "");
  return { when, rest: `${before} ${text.slice(when.index + when.text.length)}`.replace(/\s+/g, " ").trim() };
};

const endOfDay = (when: TWhen, clock: TClock) =>
  when.hasTime ? when.at : zonedInstant(when.day, 23, 59, clock.timezone);
const passed = (at: number, clock: TClock, withTime = true) => `${formatWhen(at, clock, withTime)} has already passed.`;

// Goals ------------------------------------------------------------------------------------------

type TPeriod = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
const PERIOD_OF_UNIT: Record<string, TPeriod> = {
  day: "daily",
  today: "daily",
  week: "weekly",
  month: "monthly",
  quarter: "quarterly",
  year: "yearly",
};
const PERIOD_WORDS: Record<string, TPeriod> = {
  daily: "daily",
  weekly: "weekly",
  monthly: "monthly",
  quarterly: "quarterly",
  yearly: "yearly",
  annual: "yearly",
  annually: "yearly",
};
const PERIOD_NAME = "(daily|weekly|monthly|quarterly|yearly|annual)";

/** The period a goal's words give: "this week" (cut from the title) or "every day" / "weekly" (kept). */
const readPeriod = (text: string): { period: TPeriod | null; rest: string } => {
  const deictic =
    /\s*\b(?:for\s+|by\s+)?(?:(?:this|the|next|the\s+next|the\s+coming|the\s+rest\s+of\s+the)\s+(week|month|quarter|year)|(today))\b/i.exec(
      text,
    );
  if (deictic)
    return {
      period: PERIOD_OF_UNIT[(deictic[1] ?? deictic[2])!.toLowerCase()]!,
      rest: `${text.slice(0, deictic.index)} ${text.slice(deictic.index + deictic[0].length)}`,
    };
  const end = /\bend\s+of\s+(?:the|this)\s+(week|month|quarter|year)\b/i.exec(text);
  if (end) return { period: PERIOD_OF_UNIT[end[1]!.toLowerCase()]!, rest: text };
  const frequency = /\b(?:every|each|per|a|an|once\s+a|twice\s+a)\s+(day|week|month|quarter|year)\b/i.exec(text);
  if (frequency) return { period: PERIOD_OF_UNIT[frequency[1]!.toLowerCase()]!, rest: text };
  const word = /\b(daily|weekly|monthly|quarterly|yearly|annually)\b/i.exec(text);
  return { period: word ? PERIOD_WORDS[word[1]!.toLowerCase()]! : null, rest: text };
};

const periodUntil = (deadline: number, now: number): TPeriod => {
  const days = (deadline - now) / DAY_MS;
  return days <= 1.5 ? "daily" : days <= 8 ? "weekly" : days <= 32 ? "monthly" : days <= 93 ? "quarterly" : "yearly";
};

const GOAL_FORMS: { pattern: RegExp; title: number; extra?: number; period?: number }[] = [
  {
    pattern: new RegExp(
      String.raw`^(?:set|add|create|make|start|record|save|log|track|put\s+down|write\s+down)\s+(?:me\s+|myself\s+|up\s+)?(?:a\s+|an\s+|the\s+|one\s+|another\s+)?(?:new\s+)?(?:${PERIOD_NAME}\s+)?goal\b(.*)$`,
      "i",
    ),
    period: 1,
    title: 2,
  },
  {
    pattern: new RegExp(String.raw`^(?:my\s+)?(?:new|next)\s+(?:${PERIOD_NAME}\s+)?goal\b(.*)$`, "i"),
    period: 1,
    title: 2,
  },
  { pattern: /^goal\s*[:\-–—]\s*(.+)$/i, title: 1 },
  {
    pattern: new RegExp(
      String.raw`^my\s+(?:new\s+|main\s+|next\s+|big\s+)?(?:${PERIOD_NAME}\s+)?goal\s*(.*?)\s*(?:\bis\b|\bwill\s+be\b|:)\s+(.+)$`,
      "i",
    ),
    period: 1,
    extra: 2,
    title: 3,
  },
  {
    pattern: new RegExp(
      String.raw`^make\s+(.+?)\s+(?:my|a|the|one\s+of\s+my)\s+(?:new\s+)?(?:${PERIOD_NAME}\s+)?goal\b(.*)$`,
      "i",
    ),
    title: 1,
    period: 2,
    extra: 3,
  },
];

const recogniseGoal = (text: string, clock: TClock): TIntent | null => {
  for (const form of GOAL_FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    const named = form.period && match[form.period] ? PERIOD_WORDS[match[form.period]!.toLowerCase()] : undefined;
    const words = `${match[form.title] ?? ""} ${form.extra ? (match[form.extra] ?? "") : ""}`;
    const { period: spoken, rest } = readPeriod(words);
    const { when, rest: withoutWhen } = cutWhen(rest, clock);
    const title = cleanTitle(when?.hasDay ? withoutWhen : rest);
    if (!title)
      return {
        kind: "ask",
        tool: "create_goal",
        question: "What should the goal be? For example: “Set a goal to run a 10k by June”.",
      };
    const deadline = when?.hasDay ? endOfDay(when, clock) : undefined;
    if (deadline !== undefined && deadline <= clock.now)
      return {
        kind: "ask",
        tool: "create_goal",
        question: `${passed(deadline, clock, false)} By when should “${title}” be done?`,
      };
    const period = named ?? spoken ?? (deadline === undefined ? "monthly" : periodUntil(deadline, clock.now));
    return {
      kind: "call",
      tool: "create_goal",
      arguments: { title, period, ...(deadline === undefined ? {} : { deadline }) },
    };
  }
  return null;
};

// Commitments and reminders ----------------------------------------------------------------------

const REMIND_FORMS = [
  /^remind\s+me\b(.*)$/i,
  /^(?:set|add|create|make|schedule)\s+(?:me\s+)?(?:a\s+|an\s+)?reminder\b(.*)$/i,
  /^reminder\s*[:\-–—]\s*(.*)$/i,
];
const COMMIT_FORMS = [
  /^i\s+(?:hereby\s+)?(?:commit|promise|pledge|vow)\s+(?:myself\s+)?(?:to\b|that\b)?(.*)$/i,
  /^i(?:'m|\s+am)\s+committing\s+(?:myself\s+)?to\b(.*)$/i,
  /^(?:make\s+a\s+)?commit(?:ment)?\s+(?:myself\s+)?to\b(.*)$/i,
  /^(?:add|create|make|set|record|log|save|track)\s+(?:a\s+|an\s+|the\s+|one\s+)?(?:new\s+)?commitment\b(.*)$/i,
  /^(?:new\s+)?commitment\s*[:\-–—]\s*(.*)$/i,
  /^hold\s+me\s+(?:accountable\s+)?to\b(.*)$/i,
];
const CLOSING_REMIND =
  /^(.+?)[\s,;:\-–—]+(?:and\s+)?(?:please\s+)?(remind\s+me(?:\s+(?:of|about)\s+(?:it|that|this))?|hold\s+me\s+(?:accountable\s+)?to\s+(?:it|that|this))(?:\s+please)?\s*[.!]*$/i;

// "Remind me what we agreed", "remind me of my goals": asking to recall, not to be reminded later.
const RECALL =
  /^\s*(?:(?:of|about)\s+)?(?:what|how|why|who|where|which|whether|when|my\s+(?:goals?|commitments?|tasks?|deadlines?|plans?|priorities|reminders?))\b/i;

const commitment = (words: string, remind: boolean, clock: TClock, leading: TWhen | null): TIntent | null => {
  if (remind && RECALL.test(words)) return null;
  const { when: found, rest } = leading ? { when: leading, rest: words } : cutWhen(words, clock);
  const title = cleanTitle(rest);
  const when = found;
  if (remind) {
    if (!title && !when)
      return {
        kind: "ask",
        tool: "create_commitment",
        question: "What should I remind you about, and when? For example: “Remind me tomorrow at 9 to call Sam”.",
      };
    if (!title)
      return {
        kind: "ask",
        tool: "create_commitment",
        question: `What should I remind you about on ${formatWhen(when!.at, clock, when!.hasTime)}?`,
      };
    if (!when)
      return {
        kind: "ask",
        tool: "create_commitment",
        question: `When should I remind you about “${title}”? For example: “tomorrow at 9”.`,
      };
    const remindAt = when.hasTime ? when.at : zonedInstant(when.day, 9, 0, clock.timezone);
    if (remindAt <= clock.now)
      return {
        kind: "ask",
        tool: "create_commitment",
        question: `${passed(remindAt, clock)} When should I remind you about “${title}”?`,
      };
    return { kind: "call", tool: "create_commitment", arguments: { title, dueAt: remindAt, remindAt } };
  }
  if (!title)
    return {
      kind: "ask",
      tool: "create_commitment",
      question: "What are you committing to? For example: “I commit to sending the proposal by Friday”.",
    };
  if (!when) return { kind: "call", tool: "create_commitment", arguments: { title } };
  const dueAt = endOfDay(when, clock);
  if (dueAt <= clock.now)
    return {
      kind: "ask",
      tool: "create_commitment",
      question: `${passed(dueAt, clock, when.hasTime)} When will you do “${title}”?`,
    };
  // A time of day is a time to be reminded at; a day alone is only a due date.
  return {
    kind: "call",
    tool: "create_commitment",
    arguments: { title, dueAt, ...(when.hasTime ? { remindAt: dueAt } : {}) },
  };
};

const recogniseCommitment = (text: string, clock: TClock, leading: TWhen | null): TIntent | null => {
  for (const pattern of REMIND_FORMS) {
    const match = pattern.exec(text);
    if (match) return commitment(match[1] ?? "", true, clock, leading);
  }
  for (const pattern of COMMIT_FORMS) {
    const match = pattern.exec(text);
    if (match) return commitment(match[1] ?? "", false, clock, leading);
  }
  const closing = CLOSING_REMIND.exec(text);
  if (closing && !NEGATED_END.test(closing[1]!))
    return commitment(closing[1]!, /^remind/i.test(closing[2]!), clock, leading);
  return null;
};

// Mood and energy --------------------------------------------------------------------------------

const LOG_VERB = "(?:log|record|track|note|save|add|enter|register)";
const MOOD_LOG = new RegExp(
  String.raw`^${LOG_VERB}\s+(?:down\s+)?(?:my\s+|a\s+|an\s+|the\s+)?(?:current\s+|today'?s\s+)?(?:mood|emotion|feelings?|check[- ]?in)\b(.*)$`,
  "i",
);
const MOOD_LOG_THAT =
  /^(?:log|record|track|note|save)\s+(?:down\s+)?(?:that\s+)?((?:i(?:'m|\s+am)?|i\s+feel|feeling)\b.+)$/i;
const MOOD_STATE =
  /^(?:my\s+)?mood(?:\s+check[- ]?in)?\s*(?:today|right\s+now|now|this\s+morning|tonight)?\s*(?:is|was|:|=|-|–|—)\s*(.+)$/i;
const CHECK_IN = /^check[- ]?in\s*[:\-–—]\s*(.+)$/i;
const ENERGY_LOG = new RegExp(
  String.raw`^(?:${LOG_VERB}|set)\s+(?:down\s+)?(?:my\s+|an?\s+|the\s+)?(?:current\s+|today'?s\s+)?energy(?:\s+levels?)?\b(.*)$`,
  "i",
);
const ENERGY_STATE = /^(?:my\s+)?energy(?:\s+levels?)?\b(.*)$/i;
const ENERGY_AT =
  /^i(?:'m|\s+am)\s+(?:at\s+)?(?:about\s+|around\s+)?(?:an?\s+)?(\d{1,2}(?:\s*\/\s*\d{1,2})?)\s+(?:for|on|in)\s+energy\b(.*)$/i;
const CLOSING_LOG =
  /^(.+?)[\s,;:\-–—]+(?:and\s+)?(?:please\s+)?(?:log|record|track|note|save)\s+(?:it|that|this)(?:\s+down)?(?:\s+for\s+me)?(?:\s+please)?\s*[.!]*$/i;

// What may stand between "energy" and its level: "my energy today is about a 6".
const LEVEL_LEAD =
  /^\s*(?:levels?\s*)?(?:(?:today|right\s+now|now|tonight|this\s+(?:morning|afternoon|evening))\s*)?(?:is|was|'s|feels?|seems?|:|=|-|–|—|at|of|as)?\s*(?:at\s+)?(?:about|around|roughly|maybe|like|probably|only|just|pretty|quite|really|very|super|kind\s+of|kinda)?\s*(?:an?\s+)?/i;
const LEVEL_WORDS: [RegExp, number][] = [
  [/^not\s+(?:great|good|high)\b/i, 4],
  [/^not\s+(?:bad|too\s+bad|low)\b/i, 6],
  [/^(?:completely|totally)\s+(?:drained|exhausted|empty|spent)\b|^burn(?:ed|t)\s+out\b|^zero\b/i, 1],
  [/^(?:very\s+low|exhausted|drained|wiped(?:\s+out)?|empty|dead|spent)\b/i, 2],
  [/^(?:low|tired|sluggish|weak|poor|flat)\b/i, 3],
  [/^(?:meh|so-so|ok(?:ay)?|medium|average|moderate|fine|mid|normal)\b/i, 5],
  [/^(?:very\s+high|buzzing|excellent|amazing|fantastic|full|through\s+the\s+roof)\b/i, 9],
  [/^(?:high|great|energi[sz]ed|strong)\b/i, 8],
  [/^(?:good|decent|solid)\b/i, 7],
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** An energy level from "6", "six", "6/10", "3 out of 5", "low", "pretty good"; the text after it is the note. */
const readLevel = (text: string): { level: number; note: string } | null => {
  const lead = LEVEL_LEAD.exec(text)?.[0] ?? "";
  const words = text.slice(lead.length);
  const number =
    /^(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?:\s*(?:\/|out\s+of)\s*(\d{1,2}))?(?!\d)/i.exec(
      words,
    );
  if (number) {
    const value = NUMBER_WORDS[number[1]!.toLowerCase()] ?? Number(number[1]);
    const scale = number[2] ? Number(number[2]) : 10;
    return {
      level: scale === 10 || scale === 0 ? value : Math.round((value / scale) * 10),
      note: words.slice(number[0].length),
    };
  }
  for (const [pattern, level] of LEVEL_WORDS) {
    const match = pattern.exec(words);
    if (match) return { level, note: words.slice(match[0].length) };
  }
  return null;
};

const noteOf = (text: string) => {
  if (/^[\s,.]*(?:today|right\s+now|now|tonight|this\s+(?:morning|afternoon|evening))?[\s,.!]*$/i.test(text)) return {};
  const note = cleanTitle(
    text.replace(/^[\s,;:\-–—]*(?:and|but|because|since|as|after|,)?\s*/i, (lead) =>
      /because|since|after/i.test(lead) ? `${lead.trim()} ` : "",
    ),
  );
  return note ? { note: excerpt(note, 1000) } : {};
};

const energy = (rest: string, explicit: boolean): TIntent | null => {
  const read = readLevel(rest);
  if (!read)
    return explicit
      ? { kind: "ask", tool: "log_energy", question: "What is your energy right now, from 1 (empty) to 10 (full)?" }
      : null;
  return { kind: "call", tool: "log_energy", arguments: { level: read.level, ...noteOf(read.note) } };
};

const INTENSIFIERS: [RegExp, number][] = [
  [/\b(?:extremely|incredibly|super|so|very|really|totally|completely|deeply|utterly)\s+$/i, 8],
  [/\b(?:quite|pretty|fairly|rather)\s+$/i, 6],
  [/\b(?:a\s+bit|a\s+little|slightly|somewhat|kind\s+of|kinda|sort\s+of|mildly|a\s+tad)\s+$/i, 3],
];

/** An emotion from "anxious", "really stressed about the review", "7/10 happy", "not great". */
const emotion = (rest: string, explicit: boolean): TIntent | null => {
  const text = rest.replace(
    /^[\s:=\-–—,]*(?:as|that|at)?\s*(?:i(?:'m|\s+am)\s+(?:feeling\s+)?|i\s+(?:feel|felt)\s+|feeling\s+)?/i,
    "",
  );
  const score = /(?:^|\s)(\d{1,2})\s*(?:\/|out\s+of)\s*10\b|\b(?:intensity|level)\s*(?:of\s+)?(\d{1,2})\b/i.exec(text);
  const words = score ? `${text.slice(0, score.index)} ${text.slice(score.index + score[0].length)}` : text;
  const found = emotionOf(words);
  if (!found && !explicit) return null;
  if (!found) {
    const label = cleanTitle(
      words.split(/\s+(?:about|because|since|after|over|with|and)\b|[,;.!]/i)[0] ?? "",
    ).toLowerCase();
    if (!label)
      return {
        kind: "ask",
        tool: "log_emotion",
        question: "How are you feeling? For example: “Log my mood as calm, 6 out of 10”.",
      };
    return {
      kind: "call",
      tool: "log_emotion",
      arguments: {
        label: excerpt(label, 100),
        valence: "neutral",
        intensity: score ? Number(score[1] ?? score[2]) : 5,
      },
    };
  }
  const before = words.slice(0, found.index);
  const intensity = score
    ? Number(score[1] ?? score[2])
    : (INTENSIFIERS.find(([pattern]) => pattern.test(before))?.[1] ?? 5);
  return {
    kind: "call",
    tool: "log_emotion",
    arguments: {
      label: found.label,
      valence: found.valence,
      intensity,
      ...noteOf(words.slice(found.index + found.length)),
    },
  };
};

/** "I feel anxious", "energy is 4": what a closing "…, log it" refers to. */
const statement = (text: string): TIntent | null => {
  const energyState = ENERGY_STATE.exec(text.replace(/^my\s+/i, "")) ?? ENERGY_AT.exec(text);
  if (energyState) return energy(energyState[1] ?? "", true);
  if (/\b(?:i(?:'m|\s+am)|i\s+feel|i\s+felt|feeling|mood)\b/i.test(text))
    return emotion(text.replace(/^.*?\bmood\b\s*(?:is|:)?/i, ""), true);
  return null;
};

const recogniseCheckIn = (sentence: string): TIntent | null => {
  // "Note that I feel grateful, log it please": the closing words ask; the rest says what to log.
  const closing = CLOSING_LOG.exec(sentence);
  if (closing && NEGATED_END.test(closing[1]!)) return null;
  const text = closing ? closing[1]! : sentence;
  const energyAt = ENERGY_AT.exec(text);
  if (energyAt) return energy(`${energyAt[1]} ${energyAt[2] ?? ""}`, true);
  const energyLog = ENERGY_LOG.exec(text);
  if (energyLog) return energy(energyLog[1] ?? "", true);
  const energyState = ENERGY_STATE.exec(text);
  if (energyState) {
    const read = energy(energyState[1] ?? "", false);
    if (read) return read;
  }
  const moodThat = MOOD_LOG_THAT.exec(text);
  if (moodThat) return statement(moodThat[1]!) ?? emotion(moodThat[1]!, true);
  const mood = MOOD_LOG.exec(text) ?? CHECK_IN.exec(text);
  if (mood) return emotion(mood[1] ?? "", true);
  const state = MOOD_STATE.exec(text);
  if (state) return emotion(state[1] ?? "", false);
  return closing ? statement(text) : null;
};

// Tasks and deadlines ----------------------------------------------------------------------------

const TASK_FORMS: { pattern: RegExp; title: number; priority?: number; extra?: number }[] = [
  {
    pattern:
      /^(?:add|create|make|new|put|set\s+up|record|log|save|write\s+down|note\s+down|jot\s+down)\s+(?:me\s+)?(?:a\s+|an\s+|the\s+|one\s+|another\s+)?(?:new\s+)?(?:(urgent|important|high[- ]priority|low[- ]priority|medium[- ]priority)\s+)?(?:task|to-?do)(?:\s+item)?\b(.*)$/i,
    priority: 1,
    title: 2,
  },
  { pattern: /^(?:new\s+)?(?:task|to-?do)\s*[:\-–—]\s*(.+)$/i, title: 1 },
  {
    pattern:
      /^(?:add|put|write|jot)\s+(.+?)\s+(?:to|on|onto|in|into)\s+(?:my\s+|the\s+)?(?:task\s+list|tasks|to-?do\s+list|to-?dos|todo\s+list|todos|list\s+of\s+tasks)\b(.*)$/i,
    title: 1,
    extra: 2,
  },
];
const PRIORITIES: [RegExp, string][] = [
  [/\b(?:urgent|urgently|asap|as\s+soon\s+as\s+possible)\b/i, "urgent"],
  [/\b(?:high[- ]priority|important|top\s+priority)\b/i, "high"],
  [/\b(?:low[- ]priority|whenever|someday|no\s+rush)\b/i, "low"],
  [/\b(?:medium|normal)[- ]priority\b/i, "medium"],
];

const readPriority = (text: string): { priority?: string; rest: string } => {
  for (const [pattern, priority] of PRIORITIES) {
    const match = pattern.exec(text);
    if (match)
      return {
        priority,
        rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(
          /\(\s*\)|,\s*,/g,
          " ",
        ),
      };
  }
  return { rest: text };
};

const recogniseTask = (text: string, clock: TClock, leading: TWhen | null): TIntent | null => {
  for (const form of TASK_FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    const { priority: named, rest: words } = readPriority(
      `${form.priority ? (match[form.priority] ?? "") : ""} ${match[form.title] ?? ""} ${form.extra ? (match[form.extra] ?? "") : ""}`,
    );
    const { when, rest } = leading ? { when: leading, rest: words } : cutWhen(words, clock);
    const title = cleanTitle(rest);
    if (!title)
      return {
        kind: "ask",
        tool: "create_task",
        question: "What is the task? For example: “Add a task to renew my passport by Friday”.",
      };
    const dueDate = when ? endOfDay(when, clock) : undefined;
    if (dueDate !== undefined && dueDate <= clock.now)
      return {
        kind: "ask",
        tool: "create_task",
        question: `${passed(dueDate, clock, when!.hasTime)} When is “${title}” due?`,
      };
    return {
      kind: "call",
      tool: "create_task",
      arguments: { title, ...(named ? { priority: named } : {}), ...(dueDate === undefined ? {} : { dueDate }) },
    };
  }
  return null;
};

const DEADLINE_FORMS: { pattern: RegExp; title: number; extra?: number }[] = [
  {
    pattern:
      /^(?:add|create|set|make|record|log|save|put|new|track)\s+(?:me\s+)?(?:a\s+|an\s+|the\s+|one\s+)?(?:new\s+)?(?:hard\s+|soft\s+)?deadline\b(.*)$/i,
    title: 1,
  },
  { pattern: /^(?:new\s+)?deadline\s*[:\-–—]\s*(.+)$/i, title: 1 },
  { pattern: /^(?:the\s+|my\s+)?deadline\s+(?:for|of|on)\s+(.+?)(?:\s+is\s+|\s*:\s*)(.+)$/i, title: 1, extra: 2 },
  {
    pattern:
      /^(.+?)[\s,;:\-–—]+(?:please\s+)?(?:add|make|set|save|track|log)\s+(?:it|that|this)\s+as\s+a\s+deadline\s*[.!]*$/i,
    title: 1,
  },
];
const UNITS: Record<string, number> = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const REMIND_BEFORE =
  /[\s,]*\b(?:and\s+)?remind\s+me\s+(a|an|one|two|three|four|five|six|seven|\d{1,3})\s+(hour|day|week)s?\s+(?:before|ahead|earlier|in\s+advance)(?:\s+(?:it|that|the\s+deadline))?/i;

const recogniseDeadline = (text: string, clock: TClock, leading: TWhen | null): TIntent | null => {
  for (const form of DEADLINE_FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    let words = `${match[form.title] ?? ""} ${form.extra ? (match[form.extra] ?? "") : ""}`;
    const before = REMIND_BEFORE.exec(words);
    if (before) words = words.slice(0, before.index) + words.slice(before.index + before[0].length);
    const { when, rest } = leading ? { when: leading, rest: words } : cutWhen(words, clock);
    const title = cleanTitle(rest.replace(/\b(?:is\s+)?due\b\s*$/i, ""));
    if (!title)
      return {
        kind: "ask",
        tool: "create_deadline",
        question: "What is the deadline for? For example: “Add a deadline for the tax return on April 15”.",
      };
    if (!when)
      return { kind: "ask", tool: "create_deadline", question: `When is “${title}” due? For example: “on April 15”.` };
    const dueAt = endOfDay(when, clock);
    if (dueAt <= clock.now)
      return {
        kind: "ask",
        tool: "create_deadline",
        question: `${passed(dueAt, clock, when.hasTime)} When is “${title}” due?`,
      };
    const reminderAt = before
      ? dueAt - (COUNTS[before[1]!.toLowerCase()] ?? Number(before[1])) * UNITS[before[2]!.toLowerCase()]!
      : undefined;
    return {
      kind: "call",
      tool: "create_deadline",
      arguments: { title, dueAt, ...(reminderAt !== undefined && reminderAt > clock.now ? { reminderAt } : {}) },
    };
  }
  return null;
};

// -------------------------------------------------------------------------------------------------

const recogniseSentence = (raw: string, clock: TClock): TIntent | null => {
  const corrected = correctClosingWords(correctRequestWords(correctTypos(raw, DATE_WORDS)));
  let text = stripFillers(corrected);
  // A time first ("Tomorrow at 9, remind me to…") belongs to the request that follows it.
  let leading: TWhen | null = null;
  const first = findWhen(text, clock);
  if (first && first.index === 0) {
    const after = stripFillers(text.slice(first.text.length).replace(/^[\s,;:\-–—]+/, ""));
    if (after) [leading, text] = [first, after];
  }
  return (
    recogniseDeadline(text, clock, leading) ??
    recogniseCommitment(text, clock, leading) ??
    recogniseGoal(text, clock) ??
    recogniseTask(text, clock, leading) ??
    recogniseCheckIn(text)
  );
};

/** The tool requests in a message, at most three, in the order written; only tools in `tools` are considered. */
export const recogniseIntents = (message: string, clock: TClock, tools: ReadonlySet<string>): TIntent[] => {
  const sentences = splitSentences(message, clock);
  const intents: TIntent[] = [];
  for (let i = 0; i < sentences.length && intents.length < MAX_INTENTS; i += 1) {
    let intent = recogniseSentence(sentences[i]!, clock);
    // "Could you log my mood? I'm pretty anxious.": what to log follows in the next sentence.
    const next = sentences[i + 1];
    if (intent?.kind === "ask" && (intent.tool === "log_emotion" || intent.tool === "log_energy") && next) {
      const follow = statement(next);
      if (follow?.kind === "call" && follow.tool === intent.tool) [intent, i] = [follow, i + 1];
    }
    if (intent && tools.has(intent.tool)) intents.push(intent);
  }
  return intents;
};
