import { createInterface } from "node:readline";

import { toRpcError, type RpcError } from "./rpc-errors.ts";

type RpcRequest = { jsonrpc: "2.0"; id: number; method: string; params?: unknown };
type RpcResponse = { jsonrpc: "2.0"; id: number; result?: unknown; error?: RpcError };

export type RpcHandler = (method: string, params: unknown, client: RpcClient) => Promise<unknown>;

/** What the engine may ask of the CLI while it serves a request (the CLI prints `diff` output this way). */
export type RpcClient = { print: (content: string) => Promise<void> };

type Output = { write: (line: string) => void };

/**
 * JSON-RPC 2.0 over stdio, one object a line, as the native schema engine speaks it:
 * requests from the CLI on stdin, responses on stdout, and engine→CLI requests (`print`)
 * whose answers come back on stdin.
 */
export const serveRpc = ({
  input,
  output,
  handle,
}: {
  input: NodeJS.ReadableStream;
  output: Output;
  handle: RpcHandler;
}) => {
  const pending = new Map<number, RpcRequest>();
  const awaitingCli = new Map<number, () => void>();
  let nextOutgoingId = 1_000_000;

  const send = (message: RpcResponse | RpcRequest) => output.write(`${JSON.stringify(message)}\n`);

  const client: RpcClient = {
    print: (content) =>
      new Promise((resolve) => {
        const id = nextOutgoingId++;
        awaitingCli.set(id, resolve);
        send({ jsonrpc: "2.0", id, method: "print", params: { content } });
      }),
  };

  const answer = async (request: RpcRequest) => {
    pending.set(request.id, request);
    try {
      const result = await handle(request.method, request.params, client);
      // Void methods must still carry `result`, or the CLI fails with "invalid RPC response".
      send({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
    } catch (error) {
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error) });
    } finally {
      pending.delete(request.id);
    }
  };

  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message: Partial<RpcRequest & RpcResponse>;
    try {
      message = JSON.parse(line);
    } catch {
      process.stderr.write(
        `${JSON.stringify({ level: "WARN", fields: { message: `unparsable request: ${line.slice(0, 200)}` }, target: "schema_engine::rpc" })}\n`,
      );
      return;
    }
    if (typeof message.id === "number" && message.method === undefined) {
      awaitingCli.get(message.id)?.();
      awaitingCli.delete(message.id);
      return;
    }
    if (typeof message.id === "number" && typeof message.method === "string") void answer(message as RpcRequest);
  });

  /** Answers every request still in flight with the same error (for a panic that escaped its promise). */
  const failPending = (error: RpcError) => {
    for (const id of pending.keys()) send({ jsonrpc: "2.0", id, error });
    pending.clear();
  };

  return { closed: new Promise<void>((resolve) => lines.once("close", resolve)), failPending };
};
