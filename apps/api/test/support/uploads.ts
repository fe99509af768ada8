import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll } from "vitest";

import type { TQueueName } from "@cto/contracts/queues";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues } from "@cto/queue/queues";
import { createLocalStorage } from "@cto/storage/local";

import type { ApiConfig } from "../../src/context.ts";
import { useApi } from "./api.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * The set-up of a suite of file uploads: useApi's API with two users, alice and bob, given what the
 * plain harness lacks, a local storage folder of its own (`root`) and queues on the test Redis under a
 * prefix of its own. After the suite, `queue`'s jobs, the connection and the folder go too.
 */
export const useUploadApi = (queue: TQueueName, config: Partial<ApiConfig>) => {
  const root = mkdtempSync(path.join(tmpdir(), `cto-${queue}-`));
  const storage = createLocalStorage({ root });
  const connection = createProducerConnection(REDIS_URL);
  const queues = createQueues({ connection, prefix: `cto-test-api-${queue}-${process.pid}-${Date.now()}` });
  const { harness, users } = useApi({ users: ["alice", "bob"], config, dependencies: { storage, queues } });
  afterAll(async () => {
    await queues.queue(queue).obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await rm(root, { recursive: true, force: true });
  });
  /** How many files the storage holds, to show a refused upload stored nothing. */
  const storedFiles = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
  return { api: harness, users, root, storage, queues, storedFiles };
};
