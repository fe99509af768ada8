import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createBotApi, TelegramApiError } from "./bot-api.ts";
import { startBotApiStandIn, type TBotApiStandIn } from "./stand-in.test-helper.ts";
import { startPayload, ZTelegramUpdateSchema } from "./updates.ts";

describe("createBotApi against the Bot API stand-in", () => {
  let standIn: TBotApiStandIn;
  beforeAll(async () => {
    standIn = await startBotApiStandIn();
  });
  afterAll(() => standIn.close());

  const api = () => createBotApi({ token: standIn.token, baseUrl: standIn.url });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TelegramApiError);
    return error as TelegramApiError;
  };

  it("sends a message and returns Telegram's message", async () => {
    const message = await api().sendMessage({ chatId: 4242, text: "Hello from Cto" });
    expect(message.chat.id).toBe(4242);
    expect(message.text).toBe("Hello from Cto");
    expect(standIn.sent.at(-1)).toMatchObject({
      chatId: "4242",
      text: "Hello from Cto",
      messageId: message.message_id,
    });
  });

  it("cuts text longer than Telegram's limit instead of being refused", async () => {
    await api().sendMessage({ chatId: 1, text: "x".repeat(5000) });
    expect(standIn.sent.at(-1)!.text).toHaveLength(4096);
  });

  it("reads 429 with retry_after as rate_limited", async () => {
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
    });
    const error = await failure(api().sendMessage({ chatId: 1, text: "hi" }));
    expect(error).toMatchObject({ kind: "rate_limited", errorCode: 429, retryAfterSeconds: 7 });
  });

  it("reads 403 from a blocked chat as blocked, and 400 as bad_request", async () => {
    standIn.block(99);
    expect(await failure(api().sendMessage({ chatId: 99, text: "hi" }))).toMatchObject({
      kind: "blocked",
      errorCode: 403,
    });
    expect(await failure(api().sendMessage({ chatId: 1, text: "" }))).toMatchObject({
      kind: "bad_request",
      errorCode: 400,
    });
  });

  it("reads a 5xx or an unreachable server as unavailable, without leaking the token", async () => {
    standIn.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    expect(await failure(api().sendMessage({ chatId: 1, text: "hi" }))).toMatchObject({ kind: "unavailable" });
    const offline = await failure(
      createBotApi({ token: "secret-token", baseUrl: "http://127.0.0.1:9", timeoutMs: 2_000 }).sendMessage({
        chatId: 1,
        text: "hi",
      }),
    );
    expect(offline.kind).toBe("unavailable");
    expect(offline.message).not.toContain("secret-token");
  });

  it("reads a wrong token as a 401 bad_request", async () => {
    const error = await failure(
      createBotApi({ token: "wrong", baseUrl: standIn.url }).sendMessage({ chatId: 1, text: "hi" }),
    );
    expect(error).toMatchObject({ kind: "bad_request", errorCode: 401 });
  });
});

describe("updates", () => {
  it("reads /start payloads from deep links", () => {
    expect(startPayload("/start abc_DEF-123")).toBe("abc_DEF-123");
    expect(startPayload("/start@CtoBot abc")).toBe("abc");
    expect(startPayload("/start")).toBe("");
    expect(startPayload("hello /start abc")).toBeNull();
    expect(startPayload(undefined)).toBeNull();
  });

  it("parses a message update and tolerates kinds it does not handle", () => {
    const update = ZTelegramUpdateSchema.parse({
      update_id: 1,
      message: {
        message_id: 5,
        date: 1,
        chat: { id: 7, type: "private" },
        from: { id: 7, is_bot: false, first_name: "Ada" },
        text: "hi",
        entities: [],
      },
    });
    expect(update.message?.text).toBe("hi");
    expect(ZTelegramUpdateSchema.parse({ update_id: 2, edited_message: {} }).message).toBeUndefined();
  });
});
