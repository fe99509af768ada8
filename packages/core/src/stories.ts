import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";
import { refreshAchievementScores } from "./achievements.ts";

const DAY_MS = 86_400_000;

/**
 * A story period — a month (`2026-11`) or an ISO week (`2026-W47`) — as a [start, end) range in UTC,
 * or null when the text is neither. Shared by the API (on demand) and the worker (scheduled stories).
 */
export const storyPeriodRange = (period: string): { start: Date; end: Date } | null => {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month)
    return {
      start: new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)),
      end: new Date(Date.UTC(Number(month[1]), Number(month[2]), 1)),
    };
  const week = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/.exec(period);
  if (!week) return null;
  // ISO week 1 is the week with January 4th; weeks start on Monday.
  const jan4 = Date.UTC(Number(week[1]), 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const start = new Date(mondayOfWeek1 + (Number(week[2]) - 1) * 7 * DAY_MS);
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
};

/** The ISO week (`2026-W47`) that contains `at` (UTC). */
export const isoWeekOf = (at: Date) => {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  // The Thursday of the week decides its year.
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const week1 = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((day.getTime() - week1.getTime()) / DAY_MS - 3 + ((week1.getUTCDay() + 6) % 7)) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
};

/** What the user did in the period, as plain facts for the model. */
const gatherFacts = async (db: Db, userId: string, { start, end }: { start: Date; end: Date }) => {
  const within = { gte: start, lt: end };
  const [goalsDone, commitmentsDone, posts, emotions, activeGoals] = await Promise.all([
    db.goal.findMany({ where: { userId, completedAt: within }, select: { title: true } }),
    db.commitment.findMany({ where: { userId, completedAt: within }, select: { title: true } }),
    db.post.findMany({
      where: { authorId: userId, status: "PUBLISHED", publishedAt: within },
      select: { title: true },
    }),
    db.emotion.findMany({ where: { userId, recordedAt: within }, select: { label: true, valence: true } }),
    db.goal.findMany({ where: { userId, status: "ACTIVE" }, select: { title: true, progress: true }, take: 5 }),
  ]);
  return [
    ...goalsDone.map((goal) => `Completed the goal "${goal.title}".`),
    ...commitmentsDone.map((commitment) => `Kept the commitment "${commitment.title}".`),
    ...posts.map((post) => `Shared a growth-diary post: "${post.title}".`),
    ...(emotions.length
      ? [
          `Checked in ${emotions.length} times; feelings included ${[...new Set(emotions.map((emotion) => emotion.label))].slice(0, 5).join(", ")}.`,
        ]
      : []),
    ...activeGoals.map((goal) => `Working on "${goal.title}" (${goal.progress}% done).`),
  ];
};

/** Writes the user's story for `period` (002): one AI call over the period's facts. Throws on a bad period. */
export const generateStory = async ({
  db,
  ai,
  userId,
  period,
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  period: string;
}) => {
  const range = storyPeriodRange(period);
  if (!range) throw new Error(`Not a story period: ${period}`);
  const facts = await gatherFacts(db, userId, range);
  const result = await ai.chat({
    messages: [
      {
        role: "system",
        content:
          "You write a short growth story (80-150 words) for the user, in the second person, warm and honest, using only the facts given. If there are few facts, say so kindly and suggest one small step.",
      },
      {
        role: "user",
        content: `Period: ${period}.\nFacts:\n${facts.length ? facts.map((fact) => `- ${fact}`).join("\n") : "- No tracked activity in this period."}`,
      },
    ],
    // The facts as data: a provider that cannot write (the offline one) lists them instead of quoting the instructions.
    grounding: { purpose: "summary", facts },
    temperature: 0.7,
    maxTokens: 400,
  });
  const story = await db.story.create({ data: { userId, period, content: result.content.trim() } });
  await refreshAchievementScores(db, [userId]);
  return story;
};
