import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

import { createLocalProvider } from "@cto/ai/local-provider";
import type { TReminderDueJob } from "@cto/contracts/queues";
import { reminderJobId } from "@cto/core/reminders";
import { createDb, type Db } from "@cto/db/client";
import { createOutboxMailer } from "@cto/mail/dev-outbox";
import type { TMailTransport } from "@cto/mail/transport";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";
import { createLocalStorage } from "@cto/storage/local";
import type { TStorage } from "@cto/storage/storage";

import type { TWorkerDeps } from "../src/deps.ts";
import { createLogger, type TLogger } from "../src/log.ts";
import { createOcrRecognizer, type TOcrRecognizer } from "../src/services/ocr/recognizer.ts";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * A backlog as the worker meets it: `count` open commitments of `userId` (due a day later), each with an
 * ACTIVE reminder schedule due at `remindAt` and no job. Returns each reminder's job payload, in order.
 */
export const writeDueReminders = async (
  db: Db,
  { userId, count, remindAt }: { userId: string; count: number; remindAt: Date },
): Promise<TReminderDueJob[]> => {
  const payloads = Array.from({ length: count }, () => ({
    kind: "commitment" as const,
    entityId: randomUUID(),
    userId,
    remindAt: remindAt.getTime(),
  }));
  await db.commitment.createMany({
    data: payloads.map(({ entityId }, index) => ({
      id: entityId,
      userId,
      title: `Backlog ${index}`,
      remindAt,
      dueAt: new Date(Date.now() + 86_400_000),
      status: "SCHEDULED" as const,
    })),
  });
  await db.reminderSchedule.createMany({
    data: payloads.map((payload) => ({
      userId,
      kind: "COMMITMENT_REMINDER" as const,
      commitmentId: payload.entityId,
      queueName: "reminders",
      jobId: reminderJobId("commitment", payload.entityId, remindAt),
      nextRunAt: remindAt,
      payload,
    })),
  });
  return payloads;
};

/** A unique BullMQ prefix per test file run, so tests never see each other's (or production's) jobs. */
export const testPrefix = (label: string) => `cto-test-${label}-${process.pid}-${Date.now()}`;

/** Logs collected in memory: tests assert on the structured lines the runtime writes. */
export const memoryLogger = () => {
  const lines: Array<Record<string, unknown>> = [];
  const log: TLogger = createLogger({ service: "worker-test" }, (line) => lines.push(JSON.parse(line)));
  return { log, lines };
};

/**
 * Real dependencies for tests: the local AI provider, a producer on the shared Redis under `prefix`,
 * and a client on `databaseUrl` (Prisma connects lazily, so tests that never query need no database).
 */
export const createTestDeps = ({
  prefix,
  databaseUrl,
  db,
  log,
  now,
  storage,
  ocr,
  mail,
  redisUrl = REDIS_URL,
}: {
  prefix: string;
  /** Redis for the queues (a test's own link to it, to cut or freeze). */
  redisUrl?: string;
  databaseUrl?: string;
  db?: Db;
  log?: TLogger;
  now?: () => Date;
  storage?: TStorage;
  ocr?: TOcrRecognizer;
  mail?: TMailTransport;
}) => {
  const connection = createProducerConnection(redisUrl);
  const queues = createQueues({ connection, prefix });
  const ownDb = db ? undefined : createDb({ url: databaseUrl ?? "postgresql://postgres@127.0.0.1:1/unused" });
  const deps: TWorkerDeps = {
    db: db ?? ownDb!,
    ai: createLocalProvider(),
    queues,
    log: log ?? memoryLogger().log,
    // Both lazy: no folder is made and no Tesseract started unless a test uses them.
    storage: storage ?? createLocalStorage({ root: path.join(tmpdir(), `${prefix}-uploads`) }),
    ocr: ocr ?? createOcrRecognizer({ cachePath: path.join(tmpdir(), "cto-test-tesseract") }),
    mail: mail ?? createOutboxMailer(path.join(tmpdir(), `${prefix}-outbox`)),
    now: now ?? (() => new Date()),
  };
  const close = async (names: Parameters<typeof queues.queue>[0][] = []) => {
    for (const name of names) await queues.queue(name).obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await ownDb?.$disconnect();
    await deps.ocr.terminate();
  };
  return { deps, queues, close };
};

/** Polls until `check` holds or `ms` passes; returns the last value for the assertion. */
export const waitFor = async <T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 10_000,
  every = 50,
): Promise<T> => {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, every));
    value = await read();
  }
  return value;
};
