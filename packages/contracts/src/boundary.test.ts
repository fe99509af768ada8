import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { fromApiEnum, fromApiTimestamp, toApiEnum, toApiTimestamp, ZApiTimestampSchema, zApiEnum } from "./boundary.ts";
import * as enums from "./enums.ts";

describe("enum conversion", () => {
  it("goes both ways between UPPER_SNAKE and lowercase snake", () => {
    expect(toApiEnum("PENDING_USER_INPUT")).toBe("pending_user_input");
    expect(fromApiEnum("pending_user_input")).toBe("PENDING_USER_INPUT");
    for (const value of Object.values(enums.AnalysisSessionStatus)) expect(fromApiEnum(toApiEnum(value))).toBe(value);
  });

  it("parses boundary values to database values and rejects others with the allowed list", () => {
    const schema = zApiEnum(enums.AnalysisSessionStatus);
    expect(schema.parse("verifying_ocr")).toBe("VERIFYING_OCR");
    const failure = schema.safeParse("VERIFYING_OCR");
    expect(failure.success).toBe(false);
    expect(JSON.stringify(failure.error?.issues)).toContain("pending_user_input");
    expect(schema.safeParse("done").success).toBe(false);
  });
});

describe("timestamp conversion", () => {
  it("goes both ways between Date and Unix milliseconds", () => {
    const date = new Date("2026-11-23T10:15:30.123Z");
    expect(toApiTimestamp(date)).toBe(1_795_428_930_123);
    expect(fromApiTimestamp(toApiTimestamp(date))).toEqual(date);
    expect(toApiTimestamp(null)).toBeNull();
  });

  it("refuses what is not a timestamp in milliseconds", () => {
    expect(() => fromApiTimestamp(1.5)).toThrow(RangeError);
    expect(() => fromApiTimestamp(Number.NaN)).toThrow(RangeError);
    expect(ZApiTimestampSchema.safeParse("1795428930123").success).toBe(false);
    expect(ZApiTimestampSchema.safeParse(9e15).success).toBe(false);
    expect(ZApiTimestampSchema.parse(0)).toEqual(new Date(0));
  });
});

describe("enums stay in step with the Prisma schema", () => {
  const schemaDir = path.join(import.meta.dirname, "..", "..", "..", "prisma", "schema");
  const schema = readdirSync(schemaDir)
    .map((file) => readFileSync(path.join(schemaDir, file), "utf8"))
    .join("\n");
  const prismaEnum = (name: string) => {
    const body = schema.match(new RegExp(`enum ${name} \\{([^}]*)\\}`))?.[1] ?? "";
    return body
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^[A-Z][A-Z0-9_]*$/.test(line));
  };

  it.each([
    "AnalysisSessionStatus",
    "AnalysisSessionType",
    "MessageAuthor",
    "MessageSentiment",
    "InteractionType",
    "PostStatus",
    "MessageRole",
    "GoalPeriod",
    "GoalStatus",
    "ReminderStatus",
    "ReportType",
    "MessageSource",
    "EmotionValence",
    "ExperienceLevel",
    "TaskStatus",
    "TaskPriority",
    "EventStatus",
    "DeadlineStatus",
    "DeadlineType",
    "EntityType",
    "ProactiveMessageStatus",
    "DeliveryChannel",
    "ScheduleKind",
    "ScheduleStatus",
  ] as const)("%s", (name) => {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test walks the enums by name; nothing here is bundled
    expect(Object.values(enums[name])).toEqual(prismaEnum(name));
  });
});
