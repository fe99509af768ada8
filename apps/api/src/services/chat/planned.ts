import type { DbTransaction, Prisma } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";

import { log } from "../../log.ts";
import type { TRow } from "../resource.ts";

/**
 * A row a tool call will create, decided while the reply streams: validated, its id chosen, and the
 * model already told that id. `write` runs it through the entity's service inside the record
 * transaction (services/chat/record.ts), so the row, its audit entry and the reply commit together.
 */
export type TPlannedWrite = {
  tool: string;
  toolCallId: string;
  entityType: string;
  id: string;
  /** The validated input, as the audit entry's summary of what was asked. */
  input: Record<string, unknown>;
  write: (deps: { db: DbTransaction; queues: TQueues | null }) => Promise<TRow>;
};

type TDeferredCall = (queues: TQueues) => Promise<unknown>;

/**
 * Queues that hold every enqueue and remove until `flush`, for writes made inside a transaction: a
 * job must never point at a row that was rolled back (an embedding job for a goal that does not
 * exist, a reminder for a lost commitment). Each held call is sent after the commit; one Redis
 * refuses is logged and left to the worker's sweeps (embeddings) and reconcile job (reminders),
 * which find rows with no job, as they do for any write made while Redis was away. Reads of the
 * queues (`queue`, `available`) go to the real ones. Without real queues there is nothing to hold.
 */
export const deferQueues = (real: TQueues | null) => {
  const held: TDeferredCall[] = [];
  if (!real) return { queues: null, flush: async () => {} };
  const queues: TQueues = {
    enqueue: async (queue, job, payload, options) => {
      held.push((target) => target.enqueue(queue, job, payload, options));
      return { id: options?.jobId ?? "" };
    },
    remove: async (queue, jobId) => {
      held.push((target) => target.remove(queue, jobId));
    },
    queue: (name) => real.queue(name),
    available: () => real.available?.() ?? true,
    close: () => real.close(),
  };
  const flush = async () => {
    for (const call of held.splice(0))
      await call(real).catch((error: unknown) =>
        log.warn({ err: error }, "chat: a job after the reply's commit was not sent; the worker's sweep catches up"),
      );
  };
  return { queues, flush };
};

/** The row as written, as JSON for the audit entry (dates as ISO strings, decimals as their text). */
export const snapshotOf = (row: TRow) => JSON.parse(JSON.stringify(row)) as Prisma.InputJsonObject;
