import type { Db } from "../client.ts";
import { createSecretBox, loadEncryptionKey, type SecretBox } from "../secrets.ts";
import { seedAiModels } from "./areas/ai-models.ts";
import { seedAnalysis } from "./areas/analysis.ts";
import { seedChannels } from "./areas/channels.ts";
import { seedCoaching } from "./areas/coaching.ts";
import { seedCommunity } from "./areas/community.ts";
import { seedDocuments } from "./areas/documents.ts";
import { DEMO_PASSWORD, seedIdentity } from "./areas/identity.ts";
import { seedKnowledge } from "./areas/knowledge.ts";
import { seedRoutines } from "./areas/routines.ts";
import { seedAssistant } from "./areas/assistant.ts";
import { DEMO_USER, FRIEND_USER, scopedIds, type SeedContext, type SeedUser } from "./context.ts";

export { DEMO_PASSWORD, DEMO_USER, FRIEND_USER };
export { seedId } from "./ids.ts";
export { fixtureEmbedding, FIXTURE_EMBEDDING_MODEL } from "./fixture-embedding.ts";
export type { SeedUser };

export type SeedUserOptions = { user?: SeedUser; friend?: SeedUser; now?: Date; secrets?: SecretBox };

/**
 * Seeds one user's whole dataset, touching every model: the demo user by default, or any other
 * pair of users (tests seed two side by side to check isolation). Every insert skips rows that
 * exist, so a second run changes nothing.
 */
export const seedUserData = async (
  db: Db,
  { user = DEMO_USER, friend = FRIEND_USER, now = new Date(), secrets }: SeedUserOptions = {},
) => {
  const context: SeedContext = {
    db,
    user,
    friend,
    now,
    secrets: secrets ?? createSecretBox(loadEncryptionKey()),
    id: scopedIds(user),
  };
  await seedIdentity(context);
  await seedCoaching(context);
  await seedAnalysis(context);
  await seedCommunity(context);
  await seedAssistant(context);
  await seedChannels(context);
  await seedDocuments(context);
  await seedRoutines(context);
};

/** The demo dataset of `db:seed`: the demo user, a friend, the starter knowledge base and the AI model catalogue. */
export const seedDemoData = async (db: Db, options: Omit<SeedUserOptions, "user" | "friend"> = {}) => {
  await seedKnowledge(db);
  await seedAiModels(db);
  await seedUserData(db, options);
};
