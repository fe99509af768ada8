import { afterEach, describe, expect, it } from "vitest";
import { parseAiConfig } from "./config.ts";
import { AiProviderError } from "./errors.ts";
import { createOpenAiProvider } from "./openai-provider.ts";
import { completionChunk, sendJson, sendSse, startStandIn, type THandler } from "./openai-stand-in.test-helper.ts";
import type { TChatStreamEvent } from "./provider.ts";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const setup = async (handler: THandler, env: Record<string, string> = {}) => {
  const standIn = await startStandIn(handler);
  close = standIn.close;
  const config = parseAiConfig({
    OPENAI_API_KEY: "sk-stand-in",
    OPENAI_BASE_URL: standIn.baseUrl,
    AI_TIMEOUT_MS: "2000",
    AI_MAX_RETRIES: "2",
    ...env,
  });
  return { provider: createOpenAiProvider(config), requests: standIn.requests };
};

const completion = (message: Record<string, unknown>, finishReason = "stop") => ({
  id: "chatcmpl-stand-in",
  object: "chat.completion",
  created: 1_700_000_000,
  model: "gpt-4o-mini-2024-07-18",
  choices: [
    {
      index: 0,
      message: { role: "assistant", refusal: null, ...message },
      logprobs: null,
      finish_reason: finishReason,
    },
  ],
  usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
});

const goalTool = {
  name: "create_goal",
  description: "Create a goal for the user",
  parameters: { type: "object", properties: { title: { type: "string" } }, required: ["title"] },
};

const vector = (length: number) => Array.from({ length }, (_, i) => (i % 7) / 7);

describe("OpenAI provider: chat", () => {
  it("sends the chat request shape and parses content, usage and tool calls", async () => {
    const { provider, requests } = await setup((_req, res) =>
      sendJson(
        res,
        200,
        completion(
          {
            content: null,
            tool_calls: [
              { id: "call_1", type: "function", function: { name: "create_goal", arguments: '{"title":"Run 5k"}' } },
            ],
          },
          "tool_calls",
        ),
      ),
    );
    const result = await provider.chat({
      messages: [
        { role: "system", content: "You are a coach." },
        {
          role: "assistant",
          content: "",
          toolCalls: [{ id: "call_0", name: "create_goal", arguments: { title: "Sleep" } }],
        },
        { role: "tool", content: '{"ok":true}', toolCallId: "call_0" },
        { role: "user", content: "Set me a running goal" },
      ],
      tools: [goalTool],
      temperature: 0.3,
      maxTokens: 200,
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    expect(request?.headers.authorization).toBe("Bearer sk-stand-in");
    expect(request?.body).toMatchObject({
      model: "gpt-4o-mini",
      temperature: 0.3,
      max_tokens: 200,
      tools: [{ type: "function", function: goalTool }],
      messages: [
        { role: "system", content: "You are a coach." },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_0", type: "function", function: { name: "create_goal", arguments: '{"title":"Sleep"}' } },
          ],
        },
        { role: "tool", content: '{"ok":true}', tool_call_id: "call_0" },
        { role: "user", content: "Set me a running goal" },
      ],
    });
    expect(request?.body.stream).toBeUndefined();
    expect(result).toMatchObject({
      content: "",
      toolCalls: [{ id: "call_1", name: "create_goal", arguments: { title: "Run 5k" } }],
      model: "gpt-4o-mini-2024-07-18",
      usage: { promptTokens: 42, completionTokens: 7 },
      finishReason: "tool_calls",
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(provider.costOf(result.model, result.usage)).toBeCloseTo((42 * 0.15 + 7 * 0.6) / 1_000_000, 15);
  });

  it("streams content deltas and assembles tool calls from fragments, with usage", async () => {
    const { provider, requests } = await setup((_req, res) =>
      sendSse(res, [
        completionChunk({ role: "assistant", content: "" }),
        completionChunk({ content: "Let's " }),
        completionChunk({ content: "set that up." }),
        completionChunk({
          tool_calls: [{ index: 0, id: "call_9", type: "function", function: { name: "create_goal", arguments: "" } }],
        }),
        completionChunk({ tool_calls: [{ index: 0, function: { arguments: '{"title":' } }] }),
        completionChunk({ tool_calls: [{ index: 0, function: { arguments: '"Run 5k"}' } }] }),
        completionChunk({
          tool_calls: [
            { index: 1, id: "call_10", type: "function", function: { name: "log_energy", arguments: '{"level":3}' } },
          ],
        }),
        completionChunk({}, "tool_calls"),
        { ...completionChunk({}), choices: [], usage: { prompt_tokens: 30, completion_tokens: 12, total_tokens: 42 } },
      ]),
    );
    const events: TChatStreamEvent[] = [];
    for await (const event of provider.chatStream({ messages: [{ role: "user", content: "Hi" }], tools: [goalTool] }))
      events.push(event);

    expect(requests[0]?.body).toMatchObject({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      tools: [{ type: "function" }],
    });
    expect(events.filter((event) => event.type === "delta").map((event) => event.text)).toEqual([
      "Let's ",
      "set that up.",
    ]);
    const toolCalls = [
      { id: "call_9", name: "create_goal", arguments: { title: "Run 5k" } },
      { id: "call_10", name: "log_energy", arguments: { level: 3 } },
    ];
    expect(events.filter((event) => event.type === "tool_call").map((event) => event.toolCall)).toEqual(toolCalls);
    expect(events.at(-1)).toMatchObject({
      type: "done",
      result: {
        content: "Let's set that up.",
        toolCalls,
        model: "gpt-4o-mini-2024-07-18",
        usage: { promptTokens: 30, completionTokens: 12 },
        finishReason: "tool_calls",
      },
    });
  });

  it("asks for the requested model, and reports the model that answered", async () => {
    const { provider, requests } = await setup((req, res) =>
      req.body.stream
        ? sendSse(res, [{ ...completionChunk({ content: "Hi" }, "stop"), model: "gpt-4o-2024-08-06" }])
        : sendJson(res, 200, { ...completion({ content: "Hi" }), model: "gpt-4o-2024-08-06" }),
    );
    const messages = [{ role: "user" as const, content: "Hi" }];
    expect((await provider.chat({ model: "gpt-4o", messages })).model).toBe("gpt-4o-2024-08-06");
    let answered: string | undefined;
    for await (const event of provider.chatStream({ model: "gpt-4o", messages }))
      if (event.type === "done") answered = event.result.model;
    expect(answered).toBe("gpt-4o-2024-08-06");
    await provider.chat({ messages });
    expect(requests.map((request) => request.body.model)).toEqual(["gpt-4o", "gpt-4o", "gpt-4o-mini"]);
  });

  it("succeeds after one retry when the first answer is a 429", async () => {
    const { provider, requests } = await setup((_req, res, attempt) =>
      attempt === 1
        ? sendJson(
            res,
            429,
            { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } },
            { "retry-after-ms": "10" },
          )
        : sendJson(res, 200, completion({ content: "Hello again" })),
    );
    const result = await provider.chat({ messages: [{ role: "user", content: "Hi" }] });
    expect(result.content).toBe("Hello again");
    expect(requests).toHaveLength(2);
  });

  it("ends in rate_limited when every retry is a 429", async () => {
    const { provider, requests } = await setup(
      (_req, res) => sendJson(res, 429, { error: { message: "Rate limit reached" } }, { "retry-after-ms": "10" }),
      { AI_MAX_RETRIES: "1" },
    );
    const error = await provider
      .chat({ messages: [{ role: "user", content: "Hi" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AiProviderError);
    expect(error).toMatchObject({ code: "rate_limited", status: 429 });
    expect(requests).toHaveLength(2);
  });

  it("ends in unavailable after maxRetries when the server keeps failing with 500", async () => {
    const { provider, requests } = await setup((_req, res) =>
      sendJson(res, 500, { error: { message: "boom" } }, { "retry-after-ms": "10" }),
    );
    await expect(provider.chat({ messages: [{ role: "user", content: "Hi" }] })).rejects.toMatchObject({
      name: "AiProviderError",
      code: "unavailable",
      status: 500,
    });
    expect(requests).toHaveLength(3);
  });

  it("does not retry a 400 and reports bad_request", async () => {
    const { provider, requests } = await setup((_req, res) =>
      sendJson(res, 400, { error: { message: "Invalid model" } }),
    );
    await expect(provider.chat({ messages: [{ role: "user", content: "Hi" }] })).rejects.toMatchObject({
      code: "bad_request",
      status: 400,
    });
    expect(requests).toHaveLength(1);
  });

  it("reports an answer that is not a chat completion as unavailable, not a TypeError", async () => {
    const { provider } = await setup((_req, res) => sendJson(res, 200, { detail: "this is not a completion" }));
    await expect(provider.chat({ messages: [{ role: "user", content: "Hi" }] })).rejects.toMatchObject({
      name: "AiProviderError",
      code: "unavailable",
    });
  });

  it("ends in timeout within the configured timeout when the server never answers", async () => {
    const { provider, requests } = await setup(() => {}, { AI_TIMEOUT_MS: "300", AI_MAX_RETRIES: "0" });
    const startedAt = performance.now();
    await expect(provider.chat({ messages: [{ role: "user", content: "Hi" }] })).rejects.toMatchObject({
      code: "timeout",
    });
    const elapsed = performance.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(requests).toHaveLength(1);
  });

  it("ends in timeout when a stream never answers", async () => {
    const { provider } = await setup(() => {}, { AI_TIMEOUT_MS: "300", AI_MAX_RETRIES: "0" });
    const drain = async () => {
      for await (const _event of provider.chatStream({ messages: [{ role: "user", content: "Hi" }] })) void _event;
    };
    await expect(drain()).rejects.toMatchObject({ code: "timeout" });
  });
});

describe("OpenAI provider: embeddings", () => {
  const embeddingResponse = (length: number, count: number) => ({
    object: "list",
    // Out of order on purpose: the provider must sort by index.
    data: Array.from({ length: count }, (_, i) => ({
      object: "embedding",
      index: count - 1 - i,
      embedding: vector(length).map((value) => value + (count - 1 - i)),
    })),
    model: "text-embedding-3-small",
    usage: { prompt_tokens: 9, total_tokens: 9 },
  });

  it("asks for 1536 float dimensions and returns vectors in input order", async () => {
    const { provider, requests } = await setup((_req, res) => sendJson(res, 200, embeddingResponse(1536, 2)));
    const result = await provider.embed(["first text", "second text"]);
    expect(requests[0]).toMatchObject({
      path: "/v1/embeddings",
      body: {
        model: "text-embedding-3-small",
        input: ["first text", "second text"],
        dimensions: 1536,
        encoding_format: "float",
      },
    });
    expect(result.vectors).toHaveLength(2);
    expect(result.vectors[0]?.[0]).toBe(0);
    expect(result.vectors[1]?.[0]).toBe(1);
    expect(result).toMatchObject({ model: "text-embedding-3-small", usage: { promptTokens: 9 } });
    expect(provider.costOf(result.model, result.usage)).toBeCloseTo((9 * 0.02) / 1_000_000, 15);
  });

  it("rejects embeddings of the wrong length", async () => {
    const { provider } = await setup((_req, res) => sendJson(res, 200, embeddingResponse(768, 1)));
    await expect(provider.embed(["text"])).rejects.toThrow(/1536-dimension/);
  });

  it("sends nothing for an empty batch", async () => {
    const { provider, requests } = await setup((_req, res) => sendJson(res, 500, {}));
    expect(await provider.embed([])).toMatchObject({ vectors: [] });
    expect(requests).toHaveLength(0);
  });

  it("embeds one query with embedQuery", async () => {
    const { provider } = await setup((_req, res) => sendJson(res, 200, embeddingResponse(1536, 1)));
    expect(await provider.embedQuery("what did I say about Dana?")).toEqual({
      vector: vector(1536),
      model: "text-embedding-3-small",
    });
  });

  // AI_TIMEOUT_MS stays at a minute: the query's own bound, retries included, must end the wait.
  it.each([
    ["never answers", () => {}],
    [
      "answers 429 with a long Retry-After",
      (_req: unknown, res: Parameters<THandler>[1]) =>
        sendJson(res, 429, { error: { message: "slow down" } }, { "retry-after": "30" }),
    ],
  ] as [string, THandler][])("bounds embedQuery by AI_QUERY_TIMEOUT_MS when the server %s", async (_label, handler) => {
    const { provider } = await setup(handler, {
      AI_TIMEOUT_MS: "60000",
      AI_QUERY_TIMEOUT_MS: "400",
      AI_MAX_RETRIES: "2",
    });
    const startedAt = performance.now();
    const error = await provider.embedQuery("hello").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AiProviderError);
    expect(error).toMatchObject({ code: "timeout", message: "The AI provider did not answer within 0.4 s" });
    expect(performance.now() - startedAt).toBeLessThan(3000);
  });

  it("reports a server that keeps failing, or refuses connections, as unavailable within the bound", async () => {
    const { provider, requests } = await setup((_req, res) => sendJson(res, 500, { error: { message: "boom" } }), {
      AI_QUERY_TIMEOUT_MS: "8000",
      AI_MAX_RETRIES: "1",
    });
    await expect(provider.embedQuery("hello")).rejects.toMatchObject({ code: "unavailable", status: 500 });
    expect(requests).toHaveLength(2);
    const closed = await startStandIn(() => {});
    await closed.close();
    const refused = createOpenAiProvider(
      parseAiConfig({ OPENAI_BASE_URL: closed.baseUrl, AI_MAX_RETRIES: "0", AI_QUERY_TIMEOUT_MS: "3000" }),
    );
    await expect(refused.embedQuery("hello")).rejects.toMatchObject({
      code: "unavailable",
      message: "The AI provider could not be reached",
    });
  });
});

describe("OpenAI provider: sentiment", () => {
  it("labels a batch in one JSON-mode call, in order, and refuses malformed answers as AiProviderError", async () => {
    const answers = [
      '{"sentiments":["POSITIVE","negative","NEUTRAL"]}',
      "not json",
      '{"sentiments":["POSITIVE"]}',
      '{"sentiments":["HAPPY","SAD","NEUTRAL"]}',
      '{"labels":[]}',
    ];
    const { provider, requests } = await setup((_req, res, attempt) =>
      sendJson(res, 200, completion({ content: answers[attempt - 1] })),
    );
    const texts = ["I love it", "I hate it", "See you at 5"];
    const result = await provider.sentiment(texts);
    expect(result).toEqual({
      sentiments: ["POSITIVE", "NEGATIVE", "NEUTRAL"],
      model: "gpt-4o-mini-2024-07-18",
      usage: { promptTokens: 42, completionTokens: 7 },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe("/v1/chat/completions");
    expect(requests[0]!.body.response_format).toEqual({ type: "json_object" });
    expect(JSON.parse(requests[0]!.body.messages[1].content)).toEqual(texts);
    for (const _ of answers.slice(1)) {
      const error = await provider.sentiment(texts).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AiProviderError);
      expect((error as AiProviderError).code).toBe("unavailable");
    }
    expect(requests).toHaveLength(answers.length);
    // Nothing to label: no call at all.
    expect((await provider.sentiment([])).sentiments).toEqual([]);
    expect(requests).toHaveLength(answers.length);
  });

  it("maps a provider failure onto AiProviderError", async () => {
    const { provider } = await setup((_req, res) => sendJson(res, 400, { error: { message: "bad model" } }));
    await expect(provider.sentiment(["hello"])).rejects.toMatchObject({ name: "AiProviderError", code: "bad_request" });
  });
});
