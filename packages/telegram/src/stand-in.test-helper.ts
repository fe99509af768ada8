import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Telegram's Bot API, speaking its HTTP shapes (`POST /bot<token>/<method>`,
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters }`), so the delivery
 * code under test is exactly the code that talks to Telegram.
 */
export type TSentMessage = {
  chatId: string;
  text: string;
  messageId: number;
  at: number;
  params: Record<string, unknown>;
};
export type TScriptedFailure = { error_code: number; description: string; parameters?: { retry_after?: number } };

export type TBotApiStandIn = {
  url: string;
  token: string;
  /** Every message the stand-in accepted, in order. */
  sent: TSentMessage[];
  /** Every call received (accepted or not), for asserting attempts. */
  calls: Array<{ method: string; params: Record<string, unknown> }>;
  /** The next calls of `method` answer these failures, one per call, before it succeeds again. */
  failNext: (method: string, ...failures: TScriptedFailure[]) => void;
  /** From now on, sendMessage to this chat answers 403 "bot was blocked by the user". */
  block: (chatId: string | number) => void;
  close: () => Promise<void>;
};

const readJson = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};

export const startBotApiStandIn = async ({
  token = "123456:stand-in-token",
}: {
  token?: string;
} = {}): Promise<TBotApiStandIn> => {
  const sent: TSentMessage[] = [];
  const calls: TBotApiStandIn["calls"] = [];
  const scripted = new Map<string, TScriptedFailure[]>();
  const blocked = new Set<string>();
  let nextMessageId = 1;

  const server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    let params: Record<string, unknown>;
    try {
      params = await readJson(request);
    } catch {
      return reply(400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
    }
    calls.push({ method, params });
    const failure = scripted.get(method)?.shift();
    if (failure) return reply(failure.error_code, { ok: false, ...failure });
    if (method === "getMe")
      return reply(200, {
        ok: true,
        result: { id: 123456, is_bot: true, first_name: "Cto", username: "cto_stand_in_bot" },
      });
    if (method !== "sendMessage") return reply(200, { ok: true, result: true });
    const chatId = String(params.chat_id ?? "");
    const text = typeof params.text === "string" ? params.text : "";
    if (!chatId) return reply(400, { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" });
    if (!text) return reply(400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" });
    if (blocked.has(chatId))
      return reply(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const messageId = nextMessageId++;
    const at = Math.floor(Date.now() / 1000);
    sent.push({ chatId, text, messageId, at: Date.now(), params });
    return reply(200, {
      ok: true,
      result: {
        message_id: messageId,
        date: at,
        chat: { id: Number(chatId), type: "private" },
        from: { id: 123456, is_bot: true, first_name: "Cto" },
        text,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    sent,
    calls,
    failNext: (method, ...failures) => scripted.set(method, [...(scripted.get(method) ?? []), ...failures]),
    block: (chatId) => void blocked.add(String(chatId)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
