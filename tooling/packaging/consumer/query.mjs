// Run by test/consumer.test.ts from a scratch project, with DATABASE_URL naming a database that
// `cto-prisma migrate deploy` just migrated: the packages working together, from plain Node.js.
import { createLocalProvider } from "@cto/ai/local-provider";
import { ZGoalSchema } from "@cto/contracts/api/goals";
import { toApiRow } from "@cto/contracts/rows";
import { Goal } from "@cto/contracts/tables";
import { createDb } from "@cto/db/client";
import { ConflictError, withDbErrors } from "@cto/db/errors";
import { hashPassword } from "@cto/db/password";
import { searchEmbeddings, upsertEmbedding } from "@cto/db/vector";

const db = createDb();
const ai = createLocalProvider();
try {
  const email = "consumer@example.com";
  const user = await db.user.create({
    data: { email, name: "Consumer", passwordHash: await hashPassword("a long enough password") },
  });
  const duplicate = await withDbErrors(() => db.user.create({ data: { email } })).catch((error) => error);
  const goal = await db.goal.create({ data: { userId: user.id, title: "Run a 10k by June", period: "MONTHLY" } });
  const embed = async (text) => (await ai.embed([text])).vectors[0];
  await upsertEmbedding(db, {
    userId: user.id,
    ownerKind: "GOAL",
    ownerId: goal.id,
    content: goal.title,
    model: "cto-local-embedding-v1",
    embed,
  });
  const { vector } = await ai.embedQuery("running a 10k");
  const matches = await searchEmbeddings(db, { userId: user.id, vector, k: 3 });
  const [role] = await db.$queryRaw`SELECT current_user AS "currentUser"`;
  console.log(
    JSON.stringify({
      goal: ZGoalSchema.parse(toApiRow(Goal, goal)),
      matches: matches.map((match) => match.ownerId === goal.id),
      duplicate: duplicate instanceof ConflictError ? duplicate.code : String(duplicate),
      role: role.currentUser,
    }),
  );
} finally {
  await db.$disconnect();
}
