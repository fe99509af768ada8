import { describe, expect, it } from "vitest";

import type { TMessage } from "../api/list-messages.ts";
import { threadRows } from "./reply-alternatives.tsx";

let clock = 0;
const message = (id: string, role: "user" | "assistant", metadata: unknown = null) => {
  clock += 1;
  return { id, role, content: id, metadata, conversationId: "c", createdAt: clock } as unknown as TMessage;
};
const answered = (messageId: string) => ({ reply: { status: "answered", at: 1, messageId } });

describe("threadRows", () => {
  it("shows the reply a message's metadata names, with the others as its alternatives", () => {
    const rows = threadRows([
      message("u1", "user", answered("a1")),
      message("a1", "assistant"),
      message("u2", "user", answered("b1")),
      message("b1", "assistant"),
      message("b2", "assistant"),
    ]);
    expect(rows.map((row) => row.message.id)).toEqual(["u1", "a1", "u2", "b1"]);
    expect(rows[3]!.alternatives.map((reply) => reply.id)).toEqual(["b1", "b2"]);
    expect(rows[3]!.askedId).toBe("u2");
  });

  it("hides the replies of a message being written again; keeps untracked replies; falls back to the newest", () => {
    const thread = [
      message("a0", "assistant"),
      message("u1", "user"),
      message("a1", "assistant"),
      message("a2", "assistant"),
      message("u2", "user", { reply: { status: "failed", at: 1, code: "x", message: "x" } }),
      message("b1", "assistant"),
      message("b2", "assistant"),
    ];
    expect(threadRows(thread).map((row) => row.message.id)).toEqual(["a0", "u1", "a1", "a2", "u2", "b2"]);
    expect(threadRows(thread, "u2").map((row) => row.message.id)).toEqual(["a0", "u1", "a1", "a2", "u2"]);
  });
});
