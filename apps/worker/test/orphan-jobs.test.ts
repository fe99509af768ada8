import { describe, expect, it } from "vitest";

import { QUEUE_NAMES } from "@cto/contracts/queues";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";

import { processCleanupExpired } from "../src/jobs/maintenance.cleanup-expired.ts";
import { purgeOrphanJobs } from "../src/services/maintenance/orphan-jobs.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

for (const target of testTargets()) {
  describe(`jobs of deleted accounts (${target.name})`, () => {
    const handle = useMigratedDatabase(target);

    it("removes the jobs and events of users and messages that no longer exist, keeps the rest, and a rerun finds nothing", async () => {
      const { db } = handle;
      const prefix = testPrefix("orphan-jobs");
      const { deps, queues, close } = createTestDeps({ prefix, db });
      try {
        const n = Date.now();
        const [gone, kept] = await Promise.all(
          ["gone", "kept"].map((name) => db.user.create({ data: { email: `${name}-${n}@example.com` } })),
        );
        const [goneMessage, keptMessage] = await Promise.all(
          [gone!, kept!].map((user) =>
            db.proactiveMessage.create({ data: { userId: user.id, content: "Time to ship" } }),
          ),
        );
        const reminder = (userId: string) => ({
          kind: "commitment" as const,
          entityId: crypto.randomUUID(),
          userId,
          remindAt: n,
        });
        for (const user of [gone!, kept!]) {
          await queues.enqueue("reminders", "due", reminder(user.id), { delay: 3_600_000 });
          await queues.enqueue(
            "reports",
            "generate",
            { userId: user.id, type: "TWO_DAY", periodEnd: n },
            { jobId: `report.${user.id}.TWO_DAY.${n}` },
          );
        }
        for (const message of [goneMessage!, keptMessage!])
          await queues.enqueue(
            "telegram",
            "deliver",
            { proactiveMessageId: message.id },
            { jobId: `proactive.${message.id}` },
          );
        // A payload that is not an id names nobody and is left alone.
        await queues
          .queue("embeddings")
          .add("upsert", { userId: "not-a-uuid", ownerKind: "MESSAGE", ownerId: crypto.randomUUID() });
        await db.user.delete({ where: { id: gone!.id } });

        const first = await processCleanupExpired({} as never, deps);
        expect(first).toMatchObject({ orphanJobs: { removed: 3, busy: 0 } });
        expect((first as { orphanJobs: { events: number } }).orphanJobs.events).toBeGreaterThanOrEqual(3);
        for (const name of QUEUE_NAMES) {
          for (const job of await queues
            .queue(name)
            .getJobs(["waiting", "prioritized", "delayed", "completed", "failed"])) {
            expect(JSON.stringify([job.id, job.data])).not.toContain(gone!.id);
            expect(JSON.stringify([job.id, job.data])).not.toContain(goneMessage!.id);
          }
        }
        expect(await queues.queue("reports").getJob(`report.${kept!.id}.TWO_DAY.${n}`)).toBeDefined();
        expect(await queues.queue("telegram").getJob(`proactive.${keptMessage!.id}`)).toBeDefined();
        expect(await queues.queue("reminders").getJobCounts("delayed")).toEqual({ delayed: 1 });
        expect(await queues.queue("embeddings").count()).toBe(1);

        expect(await purgeOrphanJobs({ db, queues })).toEqual({ removed: 0, busy: 0, events: 0 });
      } finally {
        await close([...QUEUE_NAMES]);
      }
    });
  });
}
