import type { ServerResponse } from "node:http";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { sendLocalEmbeddings, startStandIn, type TRecordedRequest } from "@cto/ai/testing";
import { upsertEmbedding } from "@cto/db/vector";

import type { paths } from "@cto/contracts/api/openapi";
import type { TError } from "@cto/contracts/errors";

import { createApp } from "../../src/app.ts";
import { WEB_ORIGIN, type Harness } from "../harness.ts";
import type { TClient, TUser } from "./api.ts";

/**
 * An OpenAI-compatible stand-in that answers embeddings as the offline provider does and hands every
 * other request to `answer`, and an app on `harness`'s database whose AI is that stand-in (no retries).
 */
export const startStandInApp = async (
  harness: Pick<Harness, "db" | "config" | "mailer">,
  answer: (request: TRecordedRequest, res: ServerResponse) => void,
) => {
  const standIn = await startStandIn((request, res) =>
    request.path.endsWith("/embeddings") ? sendLocalEmbeddings(request, res) : answer(request, res),
  );
  const ai = createAiProvider(
    parseAiConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" }),
  );
  return { standIn, app: createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai }) };
};

/** One server-sent event of a reply stream, as the OpenAPI document describes it. */
export type TChatEvent =
  paths["/conversations/{id}/chat"]["post"]["responses"][200]["content"]["text/event-stream"][number];

/** The events of a server-sent event stream's body, each with its name and its parsed data. */
export const chatEvents = (text: string): TChatEvent[] =>
  text
    .split("\n\n")
    .filter((block) => block.trim())
    .map(
      (block) =>
        ({
          event: /^event: (.*)$/m.exec(block)?.[1] ?? "message",
          data: JSON.parse(
            block
              .split("\n")
              .filter((line) => line.startsWith("data: "))
              .map((line) => line.slice(6))
              .join("\n"),
          ),
        }) as TChatEvent,
    );

/** POSTs to a chat route of `app` as `user`, as the web app does; the response is left unread. */
export const postChat = (app: Harness["app"], user: TClient, path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * POSTs to a chat route of `app` as `user`, as the web app does, and reads the answer to its end: a
 * stream into `events`, anything else (a refusal) into `json`.
 */
export const streamChat = async (app: Harness["app"], user: TClient, path: string, body: unknown) => {
  const response = await postChat(app, user, path, body);
  const text = await response.text();
  const events = response.headers.get("content-type")?.includes("text/event-stream") ? chatEvents(text) : [];
  const json: TError | null = events.length ? null : text ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, events, json };
};

/** Sends `content` to the coach in a conversation of `user`'s and reads the reply stream to its end. */
export const sendChat = (app: Harness["app"], user: TClient, conversationId: string, content: unknown) =>
  streamChat(app, user, `/conversations/${conversationId}/chat`, { content });

/** A new conversation of `user`'s, by its id. */
export const newConversation = async (user: TUser, title = "Coaching") =>
  (await user.request("POST", "/conversations", { title })).body.id as string;

/** The event at `index` (the last at -1), which must be a `kind` event: the test fails naming what came instead. */
export const eventAt = <K extends TChatEvent["event"]>(events: TChatEvent[], index: number, kind: K) => {
  const event = events.at(index);
  if (event?.event !== kind) throw new Error(`expected a ${kind} event at ${index}, got ${JSON.stringify(event)}`);
  return event as Extract<TChatEvent, { event: K }>;
};

/** An insight `user` wrote, put into their memory the way the pipeline does (the suites run without queues). */
export const rememberInsight = async (harness: Harness, user: TUser, content: string) => {
  const { body: insight } = await user.request("POST", "/insights", { content });
  await upsertEmbedding(harness.db, {
    userId: user.userId,
    ownerKind: "INSIGHT",
    ownerId: insight.id,
    content,
    model: harness.ai.embeddingModel,
    embed: async (text) => (await harness.ai.embed([text])).vectors[0]!,
  });
  return insight.id as string;
};
