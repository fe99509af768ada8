import { describe, expect, it } from "vitest";

import { chatBranches } from "./chat-branches.ts";

const row = (id: string, role: "user" | "assistant", metadata: object = {}) => ({ id, role, metadata });
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("chatBranches", () => {
  it("reads a thread stored before edits as one branch", () => {
    const rows = [row("a", "assistant"), row("u1", "user"), row("r1", "assistant"), row("u2", "user")];
    const branches = chatBranches(rows);
    expect(ids(branches.current)).toEqual(["a", "u1", "r1", "u2"]);
    expect(branches.last).toBe("u2");
    expect(ids(branches.versionsOf("u2"))).toEqual(["u2"]);
    expect(branches.ancestorsOf("u2")).toEqual(["u1"]);
  });

  it("shows the version chosen last with its branch, nested edits and messages sent after a flip included", () => {
    const rows = [
      row("u1", "user"),
      row("r1", "assistant"),
      row("u2", "user", { parentId: "u1" }),
      row("r2", "assistant"),
      // u1 edited: u1b is current, u2 and r2 go with u1's branch.
      row("u1b", "user", { parentId: null, chosenAt: 10 }),
      row("r1b", "assistant"),
      // u2 edited within u1's branch (u1 chosen back at 20), then another message follows it.
      row("u2b", "user", { parentId: "u1", chosenAt: 30 }),
      row("r2b", "assistant"),
      row("u3", "user", { parentId: "u2b" }),
    ];
    expect(ids(chatBranches(rows).current)).toEqual(["u1b", "r1b"]);
    rows[0] = row("u1", "user", { chosenAt: 20 });
    const branches = chatBranches(rows);
    expect(ids(branches.current)).toEqual(["u1", "r1", "u2b", "r2b", "u3"]);
    expect(branches.last).toBe("u3");
    expect(ids(branches.versionsOf("u2b"))).toEqual(["u2", "u2b"]);
    expect(ids(branches.versionsOf("u1"))).toEqual(["u1", "u1b"]);
    expect(branches.ancestorsOf("u3")).toEqual(["u1", "u2b"]);
    expect(branches.isCurrent("u2")).toBe(false);
    expect(branches.versionsOf("r1")).toEqual([]);
  });

  it("follows the message before one whose parent is unknown (deleted), and accepts the web's lowercase or the API's uppercase roles", () => {
    const rows = [
      { id: "u1", role: "USER", metadata: null },
      { id: "r1", role: "ASSISTANT", metadata: null },
      { id: "u2", role: "USER", metadata: { parentId: "gone" } },
    ];
    expect(ids(chatBranches(rows).current)).toEqual(["u1", "r1", "u2"]);
  });
});
