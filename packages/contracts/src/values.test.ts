import { describe, expect, it } from "vitest";

import { ZApiTimestampSchema } from "./boundary.ts";
import {
  excessiveJsonNesting,
  isStorableText,
  JSON_LIMITS,
  jsonValueIssues,
  TIMESTAMP_RANGE,
  zJsonObject,
  ZQueryTimestampSchema,
  zText,
  ZTimestampMsSchema,
  zUrl,
} from "./values.ts";

describe("the accepted timestamp range", () => {
  it("is years 1 to 9999 UTC, to the millisecond", () => {
    expect(new Date(TIMESTAMP_RANGE.min).toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(new Date(TIMESTAMP_RANGE.max).toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });

  it("holds in bodies and in query strings, with a message that names it", () => {
    for (const schema of [ZTimestampMsSchema, ZApiTimestampSchema]) {
      expect(schema.safeParse(TIMESTAMP_RANGE.min).success).toBe(true);
      expect(schema.safeParse(TIMESTAMP_RANGE.max).success).toBe(true);
      for (const value of [
        TIMESTAMP_RANGE.min - 1,
        TIMESTAMP_RANGE.max + 1,
        8.64e15,
        -8.64e15,
        1.5,
        Number.MAX_SAFE_INTEGER,
      ]) {
        const result = schema.safeParse(value);
        expect(result.success, String(value)).toBe(false);
      }
    }
    expect(ZApiTimestampSchema.parse(0)).toEqual(new Date(0));
    expect(ZQueryTimestampSchema.parse("253402300799999")).toBe(TIMESTAMP_RANGE.max);
    for (const text of ["8640000000000000", "-8640000000000000", "1e400", "abc", "1.5"])
      expect(ZQueryTimestampSchema.safeParse(text).success, text).toBe(false);
    expect(ZQueryTimestampSchema.safeParse("253402300800000").error?.issues[0]?.message).toContain("9999-12-31");
  });
});

describe("storable text", () => {
  it("refuses NUL and unpaired surrogates, keeps every other character", () => {
    expect(isStorableText("plain, ünïcødé, 😀, 中文, \t\n\u0001\u007f\uffff")).toBe(true);
    for (const text of ["a\u0000b", "\u0000", "a\ud800", "\udc00b", "\ud83d", "x\ude00y"])
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });

  it("is the first rule of zText and zUrl, whatever length rules follow", () => {
    const schema = zText().trim().min(1).max(5);
    expect(schema.parse("  ab ")).toBe("ab");
    expect(schema.safeParse("a\u0000").error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining("NUL"),
    ]);
    expect(schema.safeParse("abcdef").success).toBe(false);
    expect(zUrl().safeParse("https://example.com/\u0000").success).toBe(false);
    expect(zUrl().safeParse("https://example.com/ok").success).toBe(true);
  });
});

describe("free-form JSON fields", () => {
  const nested = (depth: number): unknown => (depth === 0 ? "leaf" : { next: nested(depth - 1) });

  it("accepts ordinary objects within the limits", () => {
    expect(zJsonObject().parse({ a: 1, b: [true, null, "x", { c: 2.5 }], d: "ünï 😀" })).toEqual({
      a: 1,
      b: [true, null, "x", { c: 2.5 }],
      d: "ünï 😀",
    });
    expect(zJsonObject().safeParse(nested(JSON_LIMITS.depth)).success).toBe(true);
  });

  it("refuses each limit with the path of the offending part", () => {
    const issues = (value: unknown) =>
      zJsonObject()
        .safeParse(value)
        .error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    expect(issues({ a: { b: ["ok", "no\u0000"] } })).toEqual([
      { path: "a.b.1", message: expect.stringContaining("NUL") },
    ]);
    expect(issues({ "k\u0000": 1 })).toEqual([{ path: "k\u0000", message: expect.stringContaining("Key") }]);
    expect(issues({ ["k".repeat(201)]: 1 })?.[0]?.message).toContain("200");
    expect(issues({ big: Number.POSITIVE_INFINITY })).toEqual([{ path: "big", message: "Must be a finite number." }]);
    expect(issues(nested(JSON_LIMITS.depth + 1))).toEqual([
      { path: Array(JSON_LIMITS.depth).fill("next").join("."), message: expect.stringContaining("deeper") },
    ]);
    expect(
      issues(Object.fromEntries(Array.from({ length: JSON_LIMITS.keys + 1 }, (_, index) => [`k${index}`, index])))?.[0]
        ?.message,
    ).toContain("keys");
    expect(issues({ text: "x".repeat(JSON_LIMITS.bytes) })?.[0]?.message).toContain("bytes");
    expect(zJsonObject().safeParse(["not", "an", "object"]).success).toBe(false);
  });

  it("walks a value nested far past the limit without overflowing the stack", () => {
    let value: unknown = "leaf";
    for (let level = 0; level < 200_000; level += 1) value = [value];
    expect(jsonValueIssues({ deep: value })[0]?.message).toContain("deeper");
  });
});

describe("request bodies nested too deep", () => {
  it("are found in the raw text, with the path where the limit is passed", () => {
    expect(excessiveJsonNesting('{"a":[1,{"b":[[]]}]}', 5)).toBeNull();
    expect(excessiveJsonNesting('{"a":[1,{"b":[[]]}]}', 4)).toEqual(["a", 1, "b", 0]);
    expect(excessiveJsonNesting('{"a":[1,{"b":[[]]}]}', 3)).toEqual(["a", 1, "b"]);
    expect(excessiveJsonNesting("[".repeat(100_000) + "]".repeat(100_000))).toEqual(Array(64).fill(0));
    expect(excessiveJsonNesting('{"x":"[[[[[[","y\\"[":{"z":1}}', 2)).toBeNull();
    expect(excessiveJsonNesting('{"x":1,"y\\"q":{"z":{}}}', 2)).toEqual(['y"q', "z"]);
    expect(excessiveJsonNesting("not json [[[", 2)).toEqual([0, 0]);
  });
});
