import { generateStory as writeStory, storyPeriodRange } from "@cto/db/stories";

import { ApiError } from "../errors.ts";
import { meteredAi } from "../metrics.ts";

/** Writes the user's story for a period (@cto/db/stories, shared with the worker's scheduled stories), its AI usage counted. */
export const generateStory = (input: Parameters<typeof writeStory>[0]) => writeStory({ ...input, ai: meteredAi(input.ai, "stories") });

/** A story period as a [start, end) range in UTC, or a 400 naming the two accepted forms. */
export const periodRange = (period: string): { start: Date; end: Date } => {
  const range = storyPeriodRange(period);
  if (!range) throw new ApiError("validation_failed", "A period is a month (2026-11) or an ISO week (2026-W47).", [{ path: "period", message: "not a period" }]);
  return range;
};
