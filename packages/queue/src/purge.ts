import type { Job, JobType, Queue } from "bullmq";

import { QUEUE_NAMES } from "@cto/contracts/queues";

import type { TQueues } from "./queues.ts";

// Every state a job rests in. An active job is held by a worker and cannot be removed until it ends.
const RESTING: JobType[] = ["waiting", "delayed", "prioritized", "waiting-children", "completed", "failed"];
const PAGE = 500;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every id a job carries anywhere: its job id, payload, result, failure reason and stack traces. */
export const idsInJob = (job: Job) => {
  const text = [
    job.id ?? "",
    JSON.stringify(job.data ?? null),
    JSON.stringify(job.returnvalue ?? null),
    job.failedReason ?? "",
    ...(job.stacktrace ?? []),
  ].join(" ");
  return new Set((text.match(UUID) ?? []).map((id) => id.toLowerCase()));
};

/**
 * Jobs removed (and their ids), jobs chosen but running (left: they end as a completed or failed
 * record), jobs looked at.
 */
export type TPurgeResult = { removed: number; removedIds: string[]; busy: number; scanned: number };

/**
 * Removes from every queue each resting job (waiting — a paused queue's too —, delayed, prioritized,
 * completed, failed…) that `choose` picks from a page of jobs; running jobs it picks are counted as busy.
 * A state is read to its end before anything in it is removed, so removals do not shift the pages.
 */
export const purgeJobs = async (
  queues: TQueues,
  choose: (jobs: Job[]) => Job[] | Promise<Job[]>,
): Promise<TPurgeResult> => {
  const result: TPurgeResult = { removed: 0, removedIds: [], busy: 0, scanned: 0 };
  for (const name of QUEUE_NAMES) {
    const queue = queues.queue(name);
    for (const state of [...RESTING, "active" as const]) {
      const chosen: Job[] = [];
      for (let start = 0; ; start += PAGE) {
        const jobs = (await queue.getJobs([state], start, start + PAGE - 1, true)).filter(Boolean);
        result.scanned += jobs.length;
        chosen.push(...(await choose(jobs)));
        if (jobs.length < PAGE) break;
      }
      if (state === "active") {
        result.busy += chosen.length;
        continue;
      }
      // 0: the job started running since it was read; its record is left for the next sweep.
      for (const job of chosen) {
        if ((await queue.remove(job.id!)) !== 1) {
          result.busy += 1;
          continue;
        }
        result.removed += 1;
        result.removedIds.push(job.id!);
      }
    }
  }
  return result;
};

// Deletes a stream's entries whose fields name one of ARGV (lowercase uuids), reading 500 at a time.
const PURGE_EVENTS_LUA = `
local wanted = {}
for i = 1, #ARGV do wanted[ARGV[i]] = true end
local uuid = '%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x'
local deleted, from = 0, '-'
while true do
  local entries = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', 500)
  for _, entry in ipairs(entries) do
    for id in string.lower(table.concat(entry[2], ' ')):gmatch(uuid) do
      if wanted[id] then
        deleted = deleted + redis.call('XDEL', KEYS[1], entry[1])
        break
      end
    end
  end
  if #entries < 500 then return deleted end
  from = '(' .. entries[#entries][1]
end`;

/**
 * Deletes the entries of a queue's event stream (BullMQ keeps its last ~10,000 events: job ids,
 * results, failure reasons) that name one of `wanted`, in one script on the Redis side.
 */
const purgeEvents = async (queue: Queue, wanted: Set<string>): Promise<number> => {
  const client = await queue.getBackend().client;
  client.defineCommand("ctoPurgeEvents", { numberOfKeys: 1, lua: PURGE_EVENTS_LUA });
  return client.runCommand("ctoPurgeEvents", [queue.keys.events, ...wanted]);
};

/**
 * Removes every resting job that carries one of `ids` (a deleted user's id, their rows' ids), and
 * the queues' event-stream entries that name them or a removed job (a reminder's job id names its
 * commitment, not its user).
 */
export const purgeJobsNaming = async (queues: TQueues, ids: Iterable<string>) => {
  const wanted = new Set([...ids].map((id) => id.toLowerCase()));
  const result = await purgeJobs(queues, (jobs) =>
    jobs.filter((job) => [...idsInJob(job)].some((id) => wanted.has(id))),
  );
  return { ...result, events: await purgeEventsNaming(queues, [...wanted, ...idsInJobIds(result.removedIds)]) };
};

/** The uuids inside job ids (domain job ids such as `reminder.commitment.<id>.<time>`). */
export const idsInJobIds = (jobIds: string[]) =>
  jobIds.flatMap((jobId) => jobId.match(UUID) ?? []).map((id) => id.toLowerCase());

/** Deletes every queue's event-stream entries that name one of `ids`; returns how many. */
export const purgeEventsNaming = async (queues: TQueues, ids: Iterable<string>) => {
  const wanted = new Set([...ids].map((id) => id.toLowerCase()));
  if (!wanted.size) return 0;
  let events = 0;
  for (const name of QUEUE_NAMES) events += await purgeEvents(queues.queue(name), wanted);
  return events;
};
