import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";
import { generateStory as writeStory, storyPeriodRange } from "@cto/core/stories";

import { ApiError } from "../errors.ts";
import { readPage } from "../lib/pagination.ts";
import { meteredAi } from "../metrics.ts";
import { toAiApiError } from "./ai-failure.ts";
import { giveBackGeneration } from "./generation-quota.ts";
import { findOwned } from "./rows.ts";

/** Writes the user's story for a period (@cto/core/stories, shared with the worker's scheduled stories), its AI usage counted. */
export const generateStory = (input: Parameters<typeof writeStory>[0]) =>
  writeStory({ ...input, ai: meteredAi(input.ai, "stories") });

/** A story period as a [start, end) range in UTC, or a 400 naming the two accepted forms. */
export const periodRange = (period: string): { start: Date; end: Date } => {
  const range = storyPeriodRange(period);
  if (!range)
    throw new ApiError("validation_failed", "A period is a month (2026-11) or an ISO week (2026-W47).", [
      { path: "period", message: "not a period" },
    ]);
  return range;
};

/** A page of the user's stories, newest first. */
export const listStories = ({
  db,
  userId,
  query: { limit, cursor, period },
}: {
  db: Db;
  userId: string;
  query: { limit: number; cursor?: string | undefined; period?: string | undefined };
}) => {
  const scope = { userId };
  return readPage(
    { limit, cursor },
    {
      listed: (id) => db.story.findFirst({ where: { ...scope, id }, select: { id: true } }),
      read: (window) =>
        db.story.findMany({ where: { period, ...scope }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
    },
  );
};

export const getStory = ({ db, userId, id }: { db: Db; userId: string; id: string }) =>
  findOwned(db.story, { id, userId, noun: "story" });

/**
 * Writes the user's story for `period`, one per period: an existing one is a 409 before the day's
 * allowance is touched; otherwise `spendGeneration` takes a generation (429 past the limit), given
 * back with a 503 saying why when the AI provider failed and no story came of it.
 */
export const requestStory = async ({
  db,
  ai,
  userId,
  period,
  spendGeneration,
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  period: string;
  spendGeneration: () => Promise<unknown>;
}) => {
  periodRange(period);
  if (await db.story.findUnique({ where: { userId_period: { userId, period } }, select: { id: true } }))
    throw new ApiError("conflict", `You already have a story for ${period}.`);
  await spendGeneration();
  return generateStory({ db, ai, userId, period }).catch(async (error: unknown) => {
    await giveBackGeneration({ db, userId });
    throw toAiApiError(error, "The story could not be written");
  });
};
