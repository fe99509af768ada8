import { describe, expect, it } from "vitest";

import { fitAxisLabels, integerTicks } from "./chart-axis.ts";

const FONT = 10;
const WIDTH = 340;
const spread = (texts: string[], left = 28, right = 332) =>
  texts.map((text, index) => ({ text, at: left + ((right - left) * index) / Math.max(1, texts.length - 1) }));
const extent = (label: { x: number; anchor: string; text: string }): [number, number] => {
  const width = label.text.length * FONT * 0.62;
  const left = label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - width : label.x - width / 2;
  return [left, left + width];
};

describe("fitAxisLabels", () => {
  it("keeps the last label inside the chart (it was cut off at the right edge)", () => {
    const labels = fitAxisLabels(
      spread(["27 Nov", "28 Nov", "29 Nov", "30 Nov", "1 Dec", "2 Dec", "3 Dec"], 28, 336),
      WIDTH,
      FONT,
    );
    const last = labels.at(-1)!;
    expect(last.text).toBe("3 Dec");
    expect(extent(last)[1]).toBeLessThanOrEqual(WIDTH);
    expect(extent(labels[0]!)[0]).toBeGreaterThanOrEqual(0);
  });

  it("drops labels that would overlap, keeping the first and the last", () => {
    const texts = Array.from({ length: 21 }, (_, index) => `Day ${index + 1}`);
    const labels = fitAxisLabels(spread(texts), WIDTH, FONT);
    expect(labels[0]!.text).toBe("Day 1");
    expect(labels.at(-1)!.text).toBe("Day 21");
    expect(labels.length).toBeLessThan(21);
    for (let index = 1; index < labels.length; index += 1)
      expect(extent(labels[index]!)[0]).toBeGreaterThanOrEqual(extent(labels[index - 1]!)[1]);
  });

  it("never lets long labels collide, however many", () => {
    const labels = fitAxisLabels(
      spread(["every 1:1 this month", "10% this month", "another long label", "last one"]),
      WIDTH,
      FONT,
    );
    for (let index = 1; index < labels.length; index += 1)
      expect(extent(labels[index]!)[0]).toBeGreaterThan(extent(labels[index - 1]!)[1]);
    for (const label of labels) expect(extent(label)[0]).toBeGreaterThanOrEqual(0);
  });

  it("shows a single point's label and nothing for none", () => {
    expect(fitAxisLabels([{ at: 170, text: "1 Dec" }], WIDTH, FONT)).toEqual([
      { at: 170, text: "1 Dec", x: 170, anchor: "middle" },
    ]);
    expect(fitAxisLabels([], WIDTH, FONT)).toEqual([]);
  });
});

describe("integerTicks", () => {
  it("gives whole numbers that reach the maximum", () => {
    expect(integerTicks(5)).toEqual([0, 2, 4, 6]);
    expect(integerTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(37).every(Number.isInteger)).toBe(true);
    expect(integerTicks(37).at(-1)).toBeGreaterThanOrEqual(37);
  });
});
