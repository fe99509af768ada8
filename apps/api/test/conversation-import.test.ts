import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import type { TConversationImport } from "@cto/contracts/api/coaching";
import type { TError } from "@cto/contracts/errors";

import { WEB_ORIGIN } from "./harness.ts";
import { useApi, type TUser } from "./support/api.ts";

const MAX_IMPORT_BYTES = 200_000;
const {
  harness,
  users: [alice, bob, carol],
} = useApi({ users: ["alice", "bob", "carol"], config: { maxImportBytes: MAX_IMPORT_BYTES } });

// Times as the vendors write them: ChatGPT in Unix seconds, Claude in ISO 8601.
const T0 = Date.UTC(2024, 2, 1, 9, 0, 0) / 1000;
const iso = (offsetSeconds: number) => new Date((T0 + offsetSeconds) * 1000).toISOString();

type TNode = {
  id: string;
  parent: string | null;
  role?: string;
  text?: string | unknown[];
  at?: number;
  extra?: object;
};
/** A ChatGPT conversation as its export has it: a tree of nodes, `current_node` the branch last shown. */
const chatGpt = (id: string, title: string, nodes: TNode[], current = nodes.at(-1)?.id) => ({
  id,
  conversation_id: id,
  title,
  create_time: T0,
  update_time: T0 + 3600,
  current_node: current,
  moderation_results: [],
  mapping: Object.fromEntries(
    nodes.map((node) => [
      node.id,
      {
        id: node.id,
        parent: node.parent,
        children: nodes.filter((other) => other.parent === node.id).map((other) => other.id),
        message: node.role
          ? {
              id: node.id,
              author: { role: node.role, name: null, metadata: {} },
              create_time: node.at ?? null,
              content: {
                content_type: Array.isArray(node.text) ? "multimodal_text" : "text",
                parts: Array.isArray(node.text) ? node.text : [node.text ?? ""],
              },
              status: "finished_successfully",
              weight: 1,
              recipient: "all",
              metadata: {},
              ...node.extra,
            }
          : null,
      },
    ]),
  ),
});

const CHATGPT_EXPORT = [
  chatGpt("c-career", "Career plan", [
    { id: "root", parent: null },
    {
      id: "sys",
      parent: "root",
      role: "system",
      text: "",
      extra: { metadata: { is_visually_hidden_from_conversation: true } },
    },
    { id: "u1", parent: "sys", role: "user", text: "How do I become a staff engineer?", at: T0 + 10 },
    {
      id: "a1",
      parent: "u1",
      role: "assistant",
      text: "Start by owning a cross-team problem.",
      at: T0 + 20,
      extra: { metadata: { model_slug: "gpt-4o" } },
    },
    // An edit of the next question: a branch the user left, not the one last shown.
    { id: "u2-old", parent: "a1", role: "user", text: "An abandoned question", at: T0 + 30 },
    { id: "a2-old", parent: "u2-old", role: "assistant", text: "An abandoned answer", at: T0 + 40 },
    {
      id: "u2",
      parent: "a1",
      role: "user",
      text: ["Which problem? Here is my org chart:", { content_type: "image_asset_pointer" }],
      at: T0 + 50,
    },
    {
      id: "tool",
      parent: "u2",
      role: "assistant",
      text: "print(1)",
      at: T0 + 55,
      extra: { recipient: "python", content: { content_type: "code", text: "print(1)" } },
    },
    { id: "a2", parent: "tool", role: "assistant", text: "The on-call rotation.", at: T0 + 60 },
  ]),
  chatGpt("c-sleep", "Sleep", [
    { id: "r", parent: null },
    { id: "s1", parent: "r", role: "user", text: "I sleep badly before reviews.", at: T0 + 100 },
    { id: "s2", parent: "s1", role: "assistant", text: "Let's plan the evening before.", at: T0 + 110 },
  ]),
];

const claudeExport = (uuid = "k-1") => [
  {
    uuid,
    name: "Negotiation",
    created_at: iso(0),
    updated_at: iso(500),
    account: { uuid: "acct" },
    chat_messages: [
      {
        uuid: "m1",
        sender: "human",
        text: "Help me ask for a raise.",
        content: [{ type: "text", text: "Help me ask for a raise." }],
        created_at: iso(10),
        updated_at: iso(10),
        attachments: [{ file_name: "review.txt", extracted_content: "Exceeds expectations in 2023." }],
        files: [],
      },
      {
        uuid: "m2",
        sender: "assistant",
        text: "",
        content: [
          { type: "tool_use", name: "web_search" },
          { type: "text", text: "Lead with your review." },
        ],
        created_at: iso(20),
        updated_at: iso(20),
        attachments: [],
        files: [],
      },
    ],
  },
  { uuid: `${uuid}-empty`, name: "", created_at: iso(30), updated_at: iso(30), chat_messages: [] },
];

/** Posts a file as the web app does, in chunks of `chunkSize` bytes (a stream, as a large upload arrives). */
const upload = async (
  user: TUser,
  body: Uint8Array | string,
  { type = "application/json", query = "", chunkSize = 0 }: { type?: string; query?: string; chunkSize?: number } = {},
) => {
  const bytes = typeof body === "string" ? strToU8(body) : body;
  const stream = chunkSize
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.slice(at, at + chunkSize));
          controller.close();
        },
      })
    : bytes;
  const response = await harness.app.request(`/conversations/import${query}`, {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": type },
    body: stream,
    ...(chunkSize ? { duplex: "half" } : {}),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as TConversationImport & TError };
};

const conversationsOf = (user: TUser) =>
  harness.db.conversation.findMany({
    where: { userId: user.userId },
    include: { messages: { orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });

describe("POST /conversations/import: a ChatGPT export", () => {
  it("brings in each conversation's branch last shown, its user and assistant text only, with times and models", async () => {
    const { status, body } = await upload(alice, JSON.stringify(CHATGPT_EXPORT));
    expect(status).toBe(201);
    expect(body).toEqual({
      format: "chatgpt",
      conversations: { imported: 2, duplicates: 0, empty: 0 },
      // Hidden system message, tool call, abandoned question and answer.
      messages: { imported: 6, skipped: 4 },
    });

    const [career, sleep] = await conversationsOf(alice);
    expect(career?.title).toBe("Career plan");
    expect(career?.createdAt.getTime()).toBe(T0 * 1000);
    expect(career?.messages.map((message) => [message.role, message.content])).toEqual([
      ["USER", "How do I become a staff engineer?"],
      ["ASSISTANT", "Start by owning a cross-team problem."],
      ["USER", "Which problem? Here is my org chart:"],
      ["ASSISTANT", "The on-call rotation."],
    ]);
    expect(career?.messages.every((message) => message.source === "IMPORT")).toBe(true);
    expect(career?.messages[0]?.userId).toBe(alice.userId);
    expect(career?.messages[1]?.userId).toBeNull();
    expect(career?.messages[1]?.metadata).toEqual({ imported: { provider: "chatgpt", id: "a1", model: "gpt-4o" } });
    expect(career?.messages[3]?.createdAt.getTime()).toBe((T0 + 60) * 1000);
    expect(sleep?.messages).toHaveLength(2);

    // The API lists them like any other conversation, and reads their messages.
    const listed = await alice.request("GET", "/conversations");
    expect(listed.body.items.map((item: { title: string | null }) => item.title).sort()).toEqual([
      "Career plan",
      "Sleep",
    ]);
    const messages = await alice.request("GET", `/conversations/${career?.id}/messages`);
    expect(messages.status).toBe(200);
    expect(messages.body.items.map((item: { source: string }) => item.source)).toEqual(Array(4).fill("import"));
    const found = await alice.request("GET", "/conversations/search?q=on-call");
    expect(found.body.items.map((item: { conversation: { id: string } }) => item.conversation.id)).toEqual([
      career?.id,
    ]);
  });

  it("skips what an earlier import brought, so a newer export adds only what is new; other users are not affected", async () => {
    const newer = [
      ...CHATGPT_EXPORT,
      chatGpt("c-new", "New one", [
        { id: "n0", parent: null },
        { id: "n1", parent: "n0", role: "user", text: "Hello again", at: T0 + 900 },
      ]),
    ];
    const again = await upload(alice, JSON.stringify(newer));
    expect(again.body.conversations).toEqual({ imported: 1, duplicates: 2, empty: 0 });
    expect(await conversationsOf(alice)).toHaveLength(3);

    // The same file is new to another account.
    const other = await upload(bob, JSON.stringify(CHATGPT_EXPORT));
    expect(other.body.conversations).toEqual({ imported: 2, duplicates: 0, empty: 0 });
    expect(await conversationsOf(alice)).toHaveLength(3);
  });

  it("imports one copy when the same export is sent twice at once", async () => {
    const file = JSON.stringify(
      CHATGPT_EXPORT.map((conversation) => ({
        ...conversation,
        id: `${conversation.id}-twice`,
        conversation_id: `${conversation.id}-twice`,
      })),
    );
    const before = (await conversationsOf(carol)).length;
    const [first, second] = await Promise.all([upload(carol, file), upload(carol, file)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.conversations.imported + second.body.conversations.imported).toBe(2);
    expect(first.body.conversations.duplicates + second.body.conversations.duplicates).toBe(2);
    expect((await conversationsOf(carol)).length).toBe(before + 2);
  });
});

describe("POST /conversations/import: a Claude export", () => {
  it("reads the export's ZIP as it streams in, in chunks that split its header, and keeps attached text", async () => {
    const zip = zipSync({
      "users.json": strToU8(JSON.stringify([{ uuid: "u" }])),
      "projects.json": strToU8("[]"),
      "data-2024/conversations.json": strToU8(JSON.stringify(claudeExport())),
    });
    const { status, body } = await upload(bob, zip, { type: "application/zip", chunkSize: 3 });
    expect(status).toBe(201);
    expect(body).toEqual({
      format: "claude",
      conversations: { imported: 1, duplicates: 0, empty: 1 },
      messages: { imported: 2, skipped: 0 },
    });
    const negotiation = (await conversationsOf(bob)).find((conversation) => conversation.title === "Negotiation");
    expect(negotiation?.messages.map((message) => message.content)).toEqual([
      "Help me ask for a raise.\n\n[Attachment: review.txt]\nExceeds expectations in 2023.",
      "Lead with your review.",
    ]);
  });

  it("follows parent links to the branch last written when the export has them", async () => {
    const [conversation] = claudeExport("k-branches");
    const branched = {
      ...conversation,
      chat_messages: [
        {
          uuid: "b1",
          sender: "human",
          text: "First try",
          created_at: iso(10),
          parent_message_uuid: "00000000-0000-4000-8000-000000000000",
        },
        {
          uuid: "b2",
          sender: "assistant",
          text: "Answer to the first try",
          created_at: iso(20),
          parent_message_uuid: "b1",
        },
        {
          uuid: "b3",
          sender: "human",
          text: "Second try",
          created_at: iso(30),
          parent_message_uuid: "00000000-0000-4000-8000-000000000000",
        },
        {
          uuid: "b4",
          sender: "assistant",
          text: "Answer to the second try",
          created_at: iso(40),
          parent_message_uuid: "b3",
        },
      ],
    };
    const { body } = await upload(carol, JSON.stringify([branched]), { query: "?format=claude" });
    expect(body.messages).toEqual({ imported: 2, skipped: 2 });
    const imported = (await conversationsOf(carol)).find((row) => row.title === "Negotiation");
    expect(imported?.messages.map((message) => message.content)).toEqual(["Second try", "Answer to the second try"]);
  });
});

describe("POST /conversations/import: files it refuses, changing nothing", () => {
  const countOf = async (user: TUser) => harness.db.conversation.count({ where: { userId: user.userId } });

  it("names each unreadable conversation's place in the file and imports none of the others", async () => {
    const before = await countOf(alice);
    const broken = [
      chatGpt("ok-1", "Fine", [
        { id: "r", parent: null },
        { id: "m", parent: "r", role: "user", text: "fine", at: T0 },
      ]),
      { ...chatGpt("bad-time", "Bad", []), create_time: 32503680000 * 10 },
      { title: "no mapping", id: "bad-shape", mapping: "nope" },
      { something: "else" },
    ];
    const { status, body } = await upload(alice, JSON.stringify(broken));
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
    expect((body.error.details ?? []).map((detail: { path: string }) => detail.path)).toEqual([
      "1.create_time",
      "2.mapping",
      "3.mapping",
    ]);
    expect(await countOf(alice)).toBe(before);
  });

  it("a file of neither vendor, and a mixed file", async () => {
    const neither = await upload(alice, JSON.stringify([{ hello: "world" }]));
    expect(neither.status).toBe(400);
    expect(neither.body.error.details).toEqual([
      { path: "0", message: "is neither a ChatGPT nor a Claude conversation" },
    ]);
    const mixed = await upload(alice, JSON.stringify([CHATGPT_EXPORT[0], claudeExport("mixed")[0]]));
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.details?.[0]?.path).toBe("1.mapping");
  });

  it.each([
    ["an object, not an array", '{"conversations": []}', "must be an array of conversations"],
    ["an empty body", "   ", "is empty"],
    ["truncated JSON", JSON.stringify(CHATGPT_EXPORT).slice(0, 400), "is not valid JSON"],
    ["text after the array", `${JSON.stringify(CHATGPT_EXPORT)} trailing`, "is not valid JSON"],
  ])("%s: 400", async (_name, file, message) => {
    const before = await countOf(alice);
    const { status, body } = await upload(alice, file, { chunkSize: 64 });
    expect(status).toBe(400);
    expect(body.error.details?.[0]?.message).toContain(message);
    expect(await countOf(alice)).toBe(before);
  });

  it("a ZIP without conversations.json, or one that is damaged: 400", async () => {
    const without = await upload(alice, zipSync({ "chat.html": strToU8("<html></html>") }), {
      type: "application/zip",
    });
    expect(without.status).toBe(400);
    expect(without.body.error.details?.[0]?.message).toBe("The ZIP file holds no conversations.json.");

    const zip = zipSync({ "conversations.json": strToU8(JSON.stringify(CHATGPT_EXPORT)) });
    const damaged = zip.slice();
    damaged.fill(0xff, 40, 90);
    const broken = await upload(alice, damaged, { type: "application/zip" });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("validation_failed");
  });

  it("a body or an unzipped file over the limit: 413", async () => {
    const large = JSON.stringify([{ ...CHATGPT_EXPORT[0], title: "x".repeat(MAX_IMPORT_BYTES) }]);
    const declared = await upload(alice, large);
    expect(declared.status).toBe(413);
    const streamed = await upload(alice, large, { chunkSize: 16_384 });
    expect(streamed.status).toBe(413);
    // Compresses to a few hundred bytes, and inflates past the limit.
    const bomb = zipSync({ "conversations.json": strToU8(`[${" ".repeat(MAX_IMPORT_BYTES * 2)}]`) }, { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES / 10);
    const inflated = await upload(alice, bomb, { type: "application/zip" });
    expect(inflated.status).toBe(413);
  });

  it("another type of body: 415; an unknown format: 400; signed out: 401", async () => {
    expect((await upload(alice, "<html/>", { type: "text/html" })).status).toBe(415);
    const format = await upload(alice, "[]", { query: "?format=gemini" });
    expect(format.status).toBe(400);
    expect(format.body.error.details?.[0]?.path).toBe("format");
    const signedOut = await harness.app.request("/conversations/import", {
      method: "POST",
      headers: { origin: WEB_ORIGIN, "content-type": "application/json" },
      body: "[]",
    });
    expect(signedOut.status).toBe(401);
  });
});

describe("POST /conversations/import: hostile and extreme values", () => {
  it("stores text PostgreSQL refuses as close as it can, keeps long messages whole, cuts long titles", async () => {
    const long = "word ".repeat(20_000);
    const hostile = chatGpt("hostile", `${"T".repeat(5000)}`, [
      { id: "r", parent: null },
      { id: "h1", parent: "r", role: "user", text: "nul\u0000byte and a lone \ud800 surrogate", at: T0 },
      { id: "h2", parent: "h1", role: "assistant", text: long, at: T0 - 100 },
      { id: "h3", parent: "h2", role: "user", text: "<script>alert(1)</script>", at: null as unknown as number },
    ]);
    const { status, body } = await upload(carol, JSON.stringify([hostile]));
    expect(status).toBe(201);
    expect(body.messages.imported).toBe(3);
    const imported = (await conversationsOf(carol)).find((row) => row.title?.startsWith("TTT"));
    expect(imported?.title).toHaveLength(200);
    const [first, second, third] = imported?.messages ?? [];
    expect(first?.content).toBe("nulbyte and a lone \ufffd surrogate");
    expect(second?.content).toBe(long.trim());
    expect(third?.content).toBe("<script>alert(1)</script>");
    // Times strictly increase along the thread: one earlier than its predecessor's, or none, is a millisecond later.
    expect(second?.createdAt.getTime()).toBe(T0 * 1000 + 1);
    expect(third?.createdAt.getTime()).toBe(T0 * 1000 + 2);
  });

  it("refuses times before 2000 or in the future, and times that are not numbers", async () => {
    const times = [
      { ...chatGpt("t-1", "Old", []), create_time: -1 },
      { ...chatGpt("t-2", "Future", []), create_time: Date.now() / 1000 + 7 * 86_400 },
      { ...chatGpt("t-3", "Text", []), create_time: "yesterday" },
    ];
    const { status, body } = await upload(carol, JSON.stringify(times));
    expect(status).toBe(400);
    expect((body.error.details ?? []).map((detail: { path: string }) => detail.path)).toEqual([
      "0.create_time",
      "1.create_time",
      "2.create_time",
    ]);
  });
});
