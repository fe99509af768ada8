import { toDbError } from "@cto/db/errors";
import { generateStory } from "@cto/core/stories";

import type { TProcessor } from "./processor.ts";

/**
 * One story per user and period (002), the same generation as POST /stories/generate. A story
 * that exists (written on demand, or by an earlier run of this job) is left as it is.
 */
export const processStoryGenerate: TProcessor<"stories", "generate"> = async (job, { db, ai, log }) => {
  const { userId, period } = job.data;
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return { status: "no_user" };
  if (await db.story.findUnique({ where: { userId_period: { userId, period } }, select: { id: true } }))
    return { status: "exists" };
  try {
    const story = await generateStory({ db, ai, userId, period });
    log.info("story written", { period, storyId: story.id });
    return { status: "created", storyId: story.id };
  } catch (error) {
    // Written on demand while the model was answering: the user's story stands.
    if (toDbError(error)?.code === "conflict") return { status: "exists" };
    throw error;
  }
};
