import { Cluster } from "ioredis";

import { createProducerConnection, type TRedis, type TRedisTarget } from "./connection.ts";

/**
 * The local Redis Cluster and Sentinel set the tests run Cto on, as `tooling/scripts/ensure-redis-cluster.sh`
 * and `ensure-redis-sentinel.sh` start them (CI runs both): each as a target and as the environment an
 * app's process reads (the other ways to Redis emptied, whatever the developer's shell has).
 */
const CLUSTER_NODES = "127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003";
const SENTINELS = "127.0.0.1:26380,127.0.0.1:26381,127.0.0.1:26382";
const hostPorts = (list: string) =>
  list.split(",").map((entry) => ({ host: "127.0.0.1", port: Number(entry.split(":")[1]) }));

export const TOPOLOGIES = {
  cluster: {
    target: { kind: "cluster", nodes: hostPorts(CLUSTER_NODES) } as TRedisTarget,
    env: { REDIS_URL: "", REDIS_CLUSTER_NODES: CLUSTER_NODES, REDIS_SENTINELS: "", REDIS_SENTINEL_NAME: "" },
    script: "tooling/scripts/ensure-redis-cluster.sh",
  },
  sentinel: {
    target: { kind: "sentinel", sentinels: hostPorts(SENTINELS), name: "cto" } as TRedisTarget,
    env: { REDIS_URL: "", REDIS_CLUSTER_NODES: "", REDIS_SENTINELS: SENTINELS, REDIS_SENTINEL_NAME: "cto" },
    script: "tooling/scripts/ensure-redis-sentinel.sh",
  },
} as const;
export type TTopology = keyof typeof TOPOLOGIES;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One node or sentinel, for admin commands; fails fast and never retries. */
const node = (port: number) => {
  const connection = createProducerConnection(`redis://127.0.0.1:${port}`, {
    retryStrategy: () => null,
    connectTimeout: 1_000,
    enableOfflineQueue: true,
  });
  connection.on("error", () => undefined);
  return connection;
};
const ask = async <T>(port: number, command: string, ...args: Array<string | number>): Promise<T> => {
  const connection = node(port);
  try {
    return (await connection.call(command, ...args)) as T;
  } finally {
    connection.disconnect();
  }
};

const clusterHealthy = async () => {
  const info = await ask<string>(7001, "CLUSTER", "INFO").catch(() => "");
  return /cluster_state:ok/.test(info) && /cluster_known_nodes:6/.test(info);
};

const sentinelMaster = async (sentinelPort = 26380) => {
  const address = await ask<[string, string] | null>(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", "cto").catch(
    () => null,
  );
  return address ? Number(address[1]) : null;
};

/**
 * Whether the local cluster or sentinel set answers healthy. Without it the tests that need it are
 * skipped, loudly; with CI=true (which runs the ensure scripts first) that is a failure instead.
 */
export const topologyAvailable = async (kind: TTopology, { ci }: { ci: boolean }) => {
  const ready = kind === "cluster" ? await clusterHealthy() : (await sentinelMaster()) !== null;
  if (ready) return true;
  const how = `bash ${TOPOLOGIES[kind].script}`;
  if (ci)
    throw new Error(`CI runs the Redis ${kind} tests and the ${kind} does not answer: ${how} should have started it`);
  console.warn(`\n  ⚠ SKIPPED: the Redis ${kind} tests (no local ${kind}; start one with \`${how}\`)\n`);
  return false;
};

/** The ports of the cluster's nodes, master first then its replicas, serving the slot of `key`. */
const clusterShardOf = async (key: string) => {
  const slot = await ask<number>(7001, "CLUSTER", "KEYSLOT", key);
  const nodes = (await ask<string>(7001, "CLUSTER", "NODES"))
    .trim()
    .split("\n")
    .map((line) => line.split(" "));
  const portOf = (fields: string[]) => Number(fields[1]!.split("@")[0]!.split(":")[1]);
  const master = nodes.find(
    (fields) =>
      fields[2]!.includes("master") &&
      !fields[2]!.includes("fail") &&
      fields.slice(8).some((range) => {
        const [from, to = from] = range.split("-").map(Number);
        return slot >= from! && slot <= to!;
      }),
  );
  if (!master) throw new Error(`no master serves slot ${slot}`);
  const replicas = nodes.filter((fields) => fields[3] === master[0] && !fields[2]!.includes("fail"));
  return { slot, master: portOf(master), replicas: replicas.map(portOf) };
};

/**
 * A manual failover of the master that serves `key`'s slot (`CLUSTER FAILOVER` on its replica: the
 * replica catches up, then takes the slots over, as an operator's maintenance does). Resolves once the
 * replica is master and the cluster is healthy again; returns the ports, old master first.
 */
export const failOverClusterMaster = async (key: string, ms = 20_000) => {
  const { master, replicas } = await clusterShardOf(key);
  const replica = replicas[0];
  if (replica === undefined) throw new Error(`the master on ${master} has no replica to fail over to`);
  await ask(replica, "CLUSTER", "FAILOVER");
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const [role] = await ask<[string]>(replica, "ROLE").catch(() => ["?"]);
    if (role === "master" && (await clusterHealthy())) return { from: master, to: replica };
    await sleep(100);
  }
  throw new Error(`the replica on ${replica} did not take over from ${master} within ${ms} ms`);
};

/**
 * A failover of the sentinels' master "cto" (`SENTINEL FAILOVER`: the replica is promoted and the old
 * master turned into its replica, without waiting for the others to agree). Resolves once the sentinels
 * name the new master; returns the ports.
 */
export const failOverSentinelMaster = async (ms = 30_000) => {
  const from = await sentinelMaster();
  if (from === null) throw new Error("the sentinels name no master for cto");
  await ask(26380, "SENTINEL", "FAILOVER", "cto");
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const now = await sentinelMaster();
    if (now !== null && now !== from) return { from, to: now };
    await sleep(100);
  }
  throw new Error(`the sentinels did not fail over from ${from} within ${ms} ms`);
};

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Runs `fn` while no other test process on this machine holds `kind`: a failover in one package's test
 * would otherwise land in another's (turbo runs two packages at once, and people run tests beside CI).
 * The lease lives on the machine's single Redis (`coordinator`), expires if its holder dies, and is
 * renewed while `fn` runs; without that Redis, `fn` runs unguarded.
 */
export const exclusively = async <T>(
  kind: TTopology,
  coordinator: string,
  fn: () => Promise<T>,
  waitMs = 120_000,
): Promise<T> => {
  const lock = createProducerConnection(coordinator, {
    retryStrategy: () => null,
    connectTimeout: 1_000,
    enableOfflineQueue: true,
  });
  lock.on("error", () => undefined);
  const key = `cto-test:exclusive:${kind}`;
  const token = crypto.randomUUID();
  const until = Date.now() + waitMs;
  let held = false;
  try {
    for (;;) {
      const taken = await lock.set(key, token, "PX", 30_000, "NX").catch(() => "unreachable");
      if (taken === "unreachable") break;
      if (taken === "OK") {
        held = true;
        break;
      }
      if (Date.now() > until) throw new Error(`another test process held the Redis ${kind} for over ${waitMs} ms`);
      await sleep(250);
    }
    const renew = held ? setInterval(() => void lock.pexpire(key, 30_000).catch(() => undefined), 10_000) : null;
    try {
      return await fn();
    } finally {
      if (renew) clearInterval(renew);
      if (held) await lock.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  } finally {
    lock.disconnect();
  }
};

/** Deletes every key under `prefix` on each master of a cluster (or on the one server): tests leave nothing. */
export const deleteKeys = async (connection: TRedis, prefix: string) => {
  const nodes = connection instanceof Cluster ? connection.nodes("master") : [connection];
  for (const each of nodes) {
    let cursor = "0";
    do {
      const [next, keys] = await each.scan(cursor, "MATCH", `*${prefix}*`, "COUNT", 1_000);
      cursor = next;
      // One key at a time: on a cluster a multi-key DEL must stay within one slot.
      for (const key of keys) await each.del(key);
    } while (cursor !== "0");
  }
};
