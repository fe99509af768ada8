// `pnpm bench:import`: POST /me/import of a 100,000-row archive (spread over the archive's sections, with
// hostile strings, long texts and extreme dates mixed in) against the API as production runs it, next to
// PostgreSQL's COPY FROM STDIN of the same rows into the same tables in the same run (the baseline), with
// rows/s of both, their ratio, the load average and the API's peak RSS.
// Env: TEST_DATABASE_URL (admin URL), REDIS_URL, BENCH_IMPORT_ROWS (default 100,000, at most 1,000,000),
// BENCH_API_DIR (an API deployment to reuse), BENCH_API=tsx (run apps/api/src with tsx instead of a build),
// BENCH_CPU_PROF (a folder: the API writes a --cpu-prof profile there when it stops).
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { getTableConfig } from "drizzle-orm/pg-core";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { createDb } from "@cto/db/client";
import { createPostgresTestDatabase, probePostgres } from "@cto/db/testing";

import { SECTION_SHAPES } from "../src/services/account-archive.ts";
import { createApiKey } from "../src/services/api-keys.ts";
import { deployApi, loadAverage, peakRssMb, removeRedisKeys, startApi } from "./server.ts";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ROWS = Math.min(1_000_000, Number(process.env.BENCH_IMPORT_ROWS ?? 100_000));
// Every request and COPY is bounded: a run that hangs is stopped rather than waited for.
const STEP_TIMEOUT_MS = 10 * 60_000;
const FROM_SOURCE = process.env.BENCH_API === "tsx";

type Row = Record<string, unknown>;

// Strings an archive may carry that break naive encoders: COPY's escapes and null marker, JSON and SQL
// quoting, newlines, tabs, right-to-left and zero-width marks, emoji, combining marks, markup.
const HOSTILE = [
  String.raw`\N`,
  "tab\there\nnew line\r\ncarriage",
  `quotes " ' \` and \\ backslashes \\\\`,
  "'); DROP TABLE users; --",
  "\u202Eright-to-left\u202C \u200Bzero\u200Dwidth",
  "emoji 🧭🚀👩‍💻 and Ω≈ç√ ﬁ",
  "e\u0301\u0301\u0301 combining",
  '</script><script>alert("x")</script>',
  '{"looks":"like json"}',
  "{array,literal}",
];
const LONG_TEXT = `${"A long coaching note with ümlauts and 🧭. ".repeat(1_200)}end`; // ~50 KB
const EXTREME_DATES = ["0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z"];

const textAt = (i: number, label: string) => {
  if (i % 997 === 0) return LONG_TEXT;
  if (i % 10 === 3) return `${label} ${i}: ${HOSTILE[((i / 10) % HOSTILE.length) | 0]}`;
  return `${label} ${i}: ${"lorem ipsum dolor sit amet ".repeat(1 + (i % 6))}`;
};
const dateAt = (i: number) =>
  i % 1_000 === 7
    ? EXTREME_DATES[((i / 1_000) % EXTREME_DATES.length) | 0]!
    : new Date(Date.UTC(2025, 0, 1) + i * 61_000).toISOString();

/** How many rows each section gets of `total`, roughly as a long-time user's account holds them; messages take the rest. */
const SPREAD: Record<string, number> = {
  userContext: 0,
  conversations: 0.02,
  aiResponses: 0.05,
  insights: 0.02,
  goals: 0.01,
  commitments: 0.03,
  emotions: 0.04,
  energyMetrics: 0.04,
  analysisSessions: 0.005,
  analysisMessages: 0.03,
  posts: 0.005,
  likes: 0.005,
  replies: 0.015,
  people: 0.02,
  places: 0.01,
  events: 0.02,
  tasks: 0.05,
  deadlines: 0.01,
  entityRelationships: 0.02,
  auditLogs: 0.04,
  agentAssumptions: 0.01,
  proactiveMessages: 0.01,
};

/** An archive as /me/export writes it, for user `userId`: every section's rows, ordered by id as the export orders them. */
const buildArchive = (userId: string, total: number) => {
  const counts: Record<string, number> = {};
  for (const [key, share] of Object.entries(SPREAD)) counts[key] = Math.max(1, Math.round(total * share));
  counts.userContext = 1;
  counts.messages = total - Object.values(counts).reduce((sum, count) => sum + count, 0);
  const ids: Record<string, string[]> = {};
  for (const key of Object.keys(counts)) ids[key] = Array.from({ length: counts[key]! }, () => randomUUID()).sort();
  const pick = (key: string, i: number) => ids[key]![i % ids[key]!.length]!;
  const kinds = ["PERSON", "PLACE", "EVENT", "TASK", "DEADLINE"] as const;
  const kindSection = { PERSON: "people", PLACE: "places", EVENT: "events", TASK: "tasks", DEADLINE: "deadlines" };
  const make: Record<string, (i: number) => Row> = {
    userContext: () => ({ userId, personalBio: LONG_TEXT, longTermGoals: HOSTILE }),
    conversations: (i) => ({ userId, title: textAt(i, "Conversation"), isPinned: i % 50 === 0 }),
    messages: (i) => ({
      conversationId: pick("conversations", i),
      userId: i % 2 ? null : userId,
      role: i % 2 ? "ASSISTANT" : "USER",
      content: textAt(i, "Message"),
    }),
    aiResponses: (i) => ({
      messageId: ids.messages![i]!,
      userId,
      modelUsed: "offline-model",
      tokenCount: 100 + i,
      cost: "0.00012345",
      temperature: 0.7,
    }),
    insights: (i) => ({ userId, conversationId: pick("conversations", i), content: textAt(i, "Insight") }),
    goals: (i) => ({ userId, title: textAt(i, "Goal"), period: "WEEKLY", progress: i % 101 }),
    commitments: (i) => ({ userId, goalId: i % 3 ? pick("goals", i) : null, title: textAt(i, "Commitment") }),
    emotions: (i) => ({ userId, label: "calm", valence: "POSITIVE", intensity: 1 + (i % 10), recordedAt: dateAt(i) }),
    energyMetrics: (i) => ({ userId, level: 1 + (i % 10), recordedAt: dateAt(i) }),
    analysisSessions: (i) => ({ userId, type: "TEXT", isPinned: false, name: textAt(i, "Session") }),
    analysisMessages: (i) => ({
      analysisSessionId: pick("analysisSessions", i),
      text: textAt(i, "Said"),
      author: i % 2 ? "CONTACT" : "USER",
    }),
    posts: (i) => ({ authorId: userId, title: textAt(i, "Post"), content: textAt(i + 1, "Post body") }),
    likes: (i) => ({ userId, postId: ids.posts![i]! }),
    replies: (i) => ({ authorId: userId, postId: pick("posts", i), content: textAt(i, "Reply") }),
    people: (i) => ({ userId, name: textAt(i, "Person"), importance: 1 + (i % 10) }),
    places: (i) => ({ userId, name: textAt(i, "Place"), latitude: "52.52000000", longitude: "-13.40500000" }),
    events: (i) => ({
      userId,
      title: textAt(i, "Event"),
      startsAt: dateAt(i),
      allDay: i % 7 === 0,
      placeId: i % 2 ? pick("places", i) : null,
    }),
    // A fifth are subtasks of tasks that have no parent; ids are sorted, so a parent often comes after its child, as in an export.
    tasks: (i) => ({
      userId,
      title: textAt(i, "Task"),
      position: i,
      parentId: i % 5 === 1 ? pick("tasks", ((i * 7) % Math.max(1, Math.floor(counts.tasks! / 5))) * 5) : null,
      assignedToId: i % 4 === 0 ? pick("people", i) : null,
      tags: ["work", HOSTILE[i % HOSTILE.length]!],
      dueDate: dateAt(i),
    }),
    deadlines: (i) => ({ userId, title: textAt(i, "Deadline"), dueAt: dateAt(i), taskId: pick("tasks", i) }),
    entityRelationships: (i) => {
      const [source, target] = [kinds[i % 5]!, kinds[(i + 2) % 5]!];
      return {
        userId,
        sourceType: source,
        sourceId: ids[kindSection[source]]![i % ids[kindSection[source]]!.length]!,
        targetType: target,
        targetId: ids[kindSection[target]]![(i * 3) % ids[kindSection[target]]!.length]!,
        relationship: `related-${i}`,
        bidirectional: i % 2 === 0,
      };
    },
    // Some audit logs name an entity of a section written after theirs (proactive messages), as history may.
    auditLogs: (i) => ({
      userId,
      actionType: "ENTITY_CREATED",
      actionCategory: "assistant",
      entityId: i % 3 === 0 ? pick("tasks", i) : i % 3 === 1 ? pick("proactiveMessages", i) : null,
      metadata: { note: textAt(i, "log"), nested: { depth: [1, 2, { three: true }] } },
    }),
    agentAssumptions: (i) => ({
      auditLogId: pick("auditLogs", i),
      assumption: textAt(i, "Assumption"),
      category: "schedule",
      evidence: { items: [textAt(i, "evidence")] },
      confidence: "0.55",
    }),
    proactiveMessages: (i) => ({ userId, content: textAt(i, "Nudge"), attempts: 0 }),
  };
  const data: Record<string, Row[]> = {};
  for (const { section, columns } of SECTION_SHAPES) {
    const build = make[section.key];
    if (!build) continue;
    const keys = new Set(columns.map((column) => column.key));
    data[section.key] = ids[section.key]!.map((id, i) => {
      const row: Row = { id, ...build(i) };
      if (keys.has("createdAt")) row.createdAt = dateAt(i + 1);
      if (keys.has("updatedAt")) row.updatedAt = dateAt(i + 2);
      return row;
    });
  }
  return data;
};

/** The archive as a file, written row by row, as a client would upload it. */
const writeArchive = async (file: string, user: Row, data: Record<string, Row[]>) => {
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write(`{"format":"cto-account-export","version":1,"exportedAt":"${new Date().toISOString()}",`);
  await write(`"user":${JSON.stringify(user)},"data":{`);
  let firstSection = true;
  for (const [key, rows] of Object.entries(data)) {
    await write(`${firstSection ? "" : ","}"${key}":[`);
    firstSection = false;
    for (const [index, row] of rows.entries()) await write(`${index ? "," : ""}${JSON.stringify(row)}`);
    await write("]");
  }
  await write("}}");
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(resolve);
  });
};

/** COPY's text format: one line per row, tab-separated, `\N` for null, backslash escapes. */
const copyValue = (value: unknown, columnType: string) => {
  if (value === null || value === undefined) return "\\N";
  let text: string;
  if (columnType === "PgJsonb") text = JSON.stringify(value);
  else if (columnType === "PgArray")
    text = `{${(value as string[]).map((item) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
  else text = String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t"));
};

/** The baseline: every section's rows through COPY FROM STDIN, in one transaction, in the export's order. */
const copyArchive = async (client: pg.PoolClient, data: Record<string, Row[]>) => {
  await client.query("BEGIN");
  for (const { section, columns } of SECTION_SHAPES) {
    const rows = data[section.key];
    if (!rows?.length) continue;
    const present = columns.filter((column) => rows.some((row) => row[column.key] !== undefined));
    const table = getTableConfig(section.table as never).name;
    const stream = client.query(
      copyFrom(`COPY "${table}" (${present.map((column) => `"${column.name}"`).join(", ")}) FROM STDIN`),
    );
    async function* lines() {
      for (const row of rows!)
        yield `${present.map((column) => copyValue(row[column.key], column.columnType)).join("\t")}\n`;
    }
    await pipeline(Readable.from(lines()), stream);
  }
  await client.query("COMMIT");
};

const probe = await probePostgres(adminUrl);
if (!probe.ok) {
  console.error(`bench:import needs real PostgreSQL: ${probe.reason}`);
  process.exit(1);
}
console.log(`bench:import: ${ROWS} rows; load average ${loadAverage()}`);
const apiDir = FROM_SOURCE ? path.resolve(import.meta.dirname, "..") : deployApi(process.env.BENCH_API_DIR);
const database = await createPostgresTestDatabase(adminUrl, { migrate: true });
const db = createDb({ url: database.url, log: ["error"] });
const plain = new pg.Pool({ connectionString: database.url, max: 2 });
// An idle client the server drops (a restart, a terminated backend) is an error event on the pool:
// unheard, Node ends the run before it prints; heard, the pool opens another when one is next needed.
plain.on("error", (error) => console.error(`  plain pg pool: an idle client failed: ${error.message}`));
const prefix = `cto-bench-import-${process.pid}`;
const workDir = await mkdtemp(path.join(tmpdir(), "cto-bench-import-"));
const profileDir = process.env.BENCH_CPU_PROF;
const api = await startApi({
  dir: apiDir,
  databaseUrl: database.url,
  redisUrl,
  prefix,
  nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
  entry: FROM_SOURCE ? ["--import", "tsx", "src/index.ts"] : undefined,
});

type TFigure = { label: string; rows: number; seconds: number; load: string };
const figures: TFigure[] = [];
let rssAtRest = Number.NaN;
let rssPeak = Number.NaN;
let archiveBytes = 0;
let imported: Record<string, number> = {};
let completed = false;
try {
  const source = await db.user.create({ data: { email: "source@example.com" } });
  const importer = await db.user.create({ data: { email: "importer@example.com" } });
  const warmUp = await db.user.create({ data: { email: "warm-up@example.com" } });
  const user = { id: source.id, name: "Söurce \u202E name", bio: LONG_TEXT, currentSkills: HOSTILE };
  const data = buildArchive(source.id, ROWS);
  const rowCount = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);
  const file = path.join(workDir, "archive.json");
  await writeArchive(file, user, data);
  archiveBytes = (await stat(file)).size;
  const warmUpFile = path.join(workDir, "warm-up.json");
  await writeArchive(warmUpFile, { id: warmUp.id }, buildArchive(warmUp.id, 2_000));

  const post = async (archive: string, key: string) => {
    const response = await fetch(`${api.url}/me/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: Readable.toWeb(createReadStream(archive, { highWaterMark: 64 * 1024 })) as ReadableStream,
      duplex: "half",
      signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
    } as RequestInit);
    const body = (await response.json()) as { imported?: Record<string, number> };
    if (response.status !== 201) throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
    return body.imported!;
  };
  // A small import first, so the JIT and the pools are warm for both sides.
  await post(warmUpFile, (await createApiKey({ db, userId: warmUp.id, name: "bench" })).key);
  rssAtRest = peakRssMb(api.pid);

  const client = await plain.connect();
  try {
    await client.query(`SET statement_timeout = ${STEP_TIMEOUT_MS}`);
    let started = performance.now();
    await copyArchive(client, data);
    figures.push({
      label: "COPY FROM STDIN (baseline)",
      rows: rowCount,
      seconds: (performance.now() - started) / 1000,
      load: loadAverage(),
    });

    const { key } = await createApiKey({ db, userId: importer.id, name: "bench" });
    started = performance.now();
    imported = await post(file, key);
    figures.push({
      label: "POST /me/import (streamed)",
      rows: rowCount,
      seconds: (performance.now() - started) / 1000,
      load: loadAverage(),
    });
  } finally {
    client.release();
  }
  rssPeak = peakRssMb(api.pid);
  const written = Object.values(imported).reduce((sum, count) => sum + count, 0);
  if (written !== rowCount) {
    const expected = Object.fromEntries(Object.entries(data).map(([key, rows]) => [key, rows.length]));
    throw new Error(`the import wrote ${written} rows of ${rowCount}: ${JSON.stringify({ imported, expected })}`);
  }
  completed = true;
} finally {
  await api.stop({ keepLog: !completed });
  await removeRedisKeys(redisUrl, prefix);
  await plain.end();
  await db.$disconnect();
  await database.drop();
  await rm(workDir, { recursive: true, force: true });
}

const baseline = figures[0]!;
console.log(
  `\n${baseline.rows} rows over ${Object.keys(imported).length} sections, archive ${(archiveBytes / 1e6).toFixed(1)} MB; the API ${FROM_SOURCE ? "from source (tsx)" : "built (node dist/index.js)"}, production mode`,
);
for (const figure of figures) {
  const perSecond = figure.rows / figure.seconds;
  const share = perSecond / (baseline.rows / baseline.seconds);
  console.log(
    `  ${figure.label.padEnd(30)} ${perSecond.toFixed(0).padStart(8)} rows/s  ${figure.seconds.toFixed(2).padStart(7)} s  ${figure === baseline ? "baseline".padStart(16) : `${share.toFixed(2)} of COPY`.padStart(16)}   load ${figure.load}`,
  );
}
console.log(
  `\nAPI peak RSS ${rssPeak.toFixed(0)} MB during the import (${rssAtRest.toFixed(0)} MB after start-up and a 2,000-row warm-up; archive ${(archiveBytes / 1e6).toFixed(0)} MB)`,
);
console.log("target: the import at least 1/2 of COPY's rows/s, memory bounded whatever the archive's size");
process.exit(0);
