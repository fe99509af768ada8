// `pnpm db:seed` (Prisma's `migrations.seed`) and the start command's first-start seeding (`--if-missing`).
import { createDb } from "../client.ts";
import { DEMO_PASSWORD, DEMO_USER, seedDemoData } from "./index.ts";

const db = createDb({ log: ["warn", "error"] });
try {
  const exists = await db.user.findUnique({ where: { email: DEMO_USER.email }, select: { id: true } });
  if (process.argv.includes("--if-missing") && exists) {
    console.log(`seed: demo data present (${DEMO_USER.email}); nothing to do.`);
  } else {
    await seedDemoData(db);
    console.log(`seed: demo data ready. Sign in as ${DEMO_USER.email} / ${DEMO_PASSWORD}`);
  }
} catch (error) {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
