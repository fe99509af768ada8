import type { Db } from "@cto/db/client";

/** The first instant (UTC) of the month `months` before the month of `now`. */
export const monthStart = (now: Date, months = 0) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));

type TMoved = { messages: bigint; ai_responses: bigint };

/**
 * Creates the archive's partitions for every month from the oldest message due to move through the
 * month of `cutoff` itself, the next one due: the move then never waits on DDL, and the partition a
 * month needs exists a month ahead. Returns how many months it created.
 */
export const ensureArchiveMonths = async ({ db, cutoff }: { db: Db; cutoff: Date }) => {
  const oldest = await db.message.findFirst({
    where: { createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  let created = 0;
  for (let month = monthStart(oldest?.createdAt ?? cutoff); month <= cutoff; month = monthStart(month, -1)) {
    const [row] = await db.$queryRaw<
      { created: boolean }[]
    >`SELECT archive.ensure_month(${month.toISOString()}::timestamptz) AS created`;
    if (row?.created) created++;
  }
  return created;
};

/**
 * One run of the history archive (packages/db README, "History and retention"): whole months before
 * the month `hotMonths` ago move, with their AI responses, from the hot tables into the archive, at
 * most `maxBatches` batches of `batchSize` messages (each batch its own transaction); then archived
 * months that ended before the month `archiveMonths` ago are dropped. A null setting skips its step.
 */
export const archiveHistory = async ({
  db,
  now,
  hotMonths,
  archiveMonths,
  batchSize,
  maxBatches,
}: {
  db: Db;
  now: Date;
  hotMonths: number | null;
  archiveMonths: number | null;
  batchSize: number;
  maxBatches: number;
}) => {
  const result = {
    monthsCreated: 0,
    messages: 0,
    aiResponses: 0,
    batches: 0,
    more: false,
    monthsDropped: [] as string[],
  };
  if (hotMonths !== null) {
    const cutoff = monthStart(now, hotMonths);
    result.monthsCreated = await ensureArchiveMonths({ db, cutoff });
    let done = false;
    while (!done && result.batches < maxBatches) {
      const [moved] = await db.$queryRaw<
        TMoved[]
      >`SELECT * FROM archive.move_messages(${cutoff.toISOString()}::timestamptz, ${batchSize}::int)`;
      result.batches++;
      result.messages += Number(moved?.messages ?? 0);
      result.aiResponses += Number(moved?.ai_responses ?? 0);
      done = Number(moved?.messages ?? 0) < batchSize;
    }
    // A last full batch may have emptied the backlog; the next run then finds nothing and says so.
    result.more = !done;
  }
  if (archiveMonths !== null) {
    const rows = await db.$queryRaw<
      { month: string }[]
    >`SELECT archive.drop_months(${monthStart(now, archiveMonths).toISOString()}::timestamptz) AS month`;
    result.monthsDropped = rows.map((row) => row.month);
  }
  return result;
};
