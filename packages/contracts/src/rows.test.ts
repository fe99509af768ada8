import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { apiRowSchema, toApiRow } from "./rows.ts";
import * as tables from "./generated/drizzle/schema.ts";

const goalRow = {
  id: "0b7e6f0e-5c1c-4a43-9a3e-7d1f9b7c1d11",
  userId: "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
  title: "Delegate the release",
  description: null,
  period: "QUARTERLY",
  status: "ACTIVE",
  progress: 40,
  startDate: new Date("2026-11-01T00:00:00.000Z"),
  deadline: null,
  completedAt: null,
  createdAt: new Date("2026-11-01T10:00:00.000Z"),
  updatedAt: new Date("2026-11-02T10:00:00.123Z"),
};

describe("row schemas derived from the Prisma schema", () => {
  it("has a Drizzle table for every Prisma model", () => {
    const tableNames = Object.entries(tables).filter(
      ([, value]) => typeof value === "object" && value !== null && Symbol.for("drizzle:Name") in value,
    );
    const schemaDir = fileURLToPath(new URL("../../../prisma/schema/", import.meta.url));
    const models = readdirSync(schemaDir)
      .filter((file) => file.endsWith(".prisma"))
      .flatMap((file) => readFileSync(path.join(schemaDir, file), "utf8").match(/^model \w+/gm) ?? []);
    expect(models.length).toBeGreaterThan(30);
    expect(tableNames.length).toBe(models.length);
  });

  it("converts a database row to the boundary's conventions, and the schema accepts it", () => {
    const api = toApiRow(tables.Goal, goalRow, ["userId"]);
    expect(api).toEqual({
      id: goalRow.id,
      title: "Delegate the release",
      description: null,
      period: "quarterly",
      status: "active",
      progress: 40,
      startDate: 1_793_491_200_000,
      deadline: null,
      completedAt: null,
      createdAt: 1_793_527_200_000,
      updatedAt: 1_793_613_600_123,
    });
    expect(apiRowSchema(tables.Goal, { omit: ["userId"] }).parse(api)).toEqual(api);
  });

  it("rejects database-style values at the boundary", () => {
    const schema = apiRowSchema(tables.Goal, { omit: ["userId"] });
    const api = toApiRow(tables.Goal, goalRow, ["userId"]);
    expect(schema.safeParse({ ...api, status: "ACTIVE" }).success).toBe(false);
    expect(schema.safeParse({ ...api, createdAt: goalRow.createdAt.toISOString() }).success).toBe(false);
    expect(schema.safeParse({ ...api, title: undefined }).success).toBe(false);
  });

  it("turns decimals into numbers", () => {
    const row = {
      id: "x",
      userId: "u",
      windowDays: 7,
      score: { toNumber: () => 75.5 },
      notes: null,
      periodStart: new Date(0),
      periodEnd: new Date(1),
      computedAt: new Date(2),
    };
    expect(toApiRow(tables.ConsistencyMetric, row).score).toBe(75.5);
    expect(toApiRow(tables.ConsistencyMetric, { ...row, score: "68.50" }).score).toBe(68.5);
    expect(apiRowSchema(tables.ConsistencyMetric).shape.score!.safeParse("68.50").success).toBe(false);
  });
});
