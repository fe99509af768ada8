import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { localEmbedding } from "./local-provider.ts";

export type TRecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  // biome-ignore lint/suspicious/noExplicitAny: whatever JSON the client sent; each test reads the fields of the request it expects.
  body: any;
};
export type THandler = (request: TRecordedRequest, response: ServerResponse, attempt: number) => void;

/** A stand-in for the OpenAI API on 127.0.0.1: records every request and lets each test answer. */
export const startStandIn = async (handler: THandler) => {
  const requests: TRecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      requests.push(recorded);
      handler(recorded, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

/**
 * Answers an embeddings request as OpenAI would, with the offline provider's vectors for its inputs, so a
 * test's searches and memory behave as they do offline while its chat goes through the stand-in.
 */
export const sendLocalEmbeddings = (request: TRecordedRequest, res: ServerResponse) =>
  sendJson(res, 200, {
    object: "list",
    model: "text-embedding-3-small",
    data: (request.body.input as string[]).map((text, index) => ({
      object: "embedding",
      index,
      embedding: localEmbedding(text),
    })),
    usage: { prompt_tokens: 5, total_tokens: 5 },
  });

/** Server-sent events exactly as the API sends them: `data: {json}` blocks, then `data: [DONE]`. */
export const sendSse = (res: ServerResponse, chunks: unknown[]) => {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  res.end("data: [DONE]\n\n");
};

export const completionChunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
  id: "chatcmpl-stand-in",
  object: "chat.completion.chunk",
  created: 1_700_000_000,
  model: "gpt-4o-mini-2024-07-18",
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
});
