import { describe, expect, it } from "vitest";

import { bubblesToItems, type TOcrLine } from "../src/services/ocr/bubbles.ts";

const line = (text: string, x0: number, y0: number, x1: number, confidence = 92): TOcrLine => ({
  text,
  confidence,
  bbox: { x0, y0, x1, y1: y0 + 30 },
  rowHeight: 30,
});

describe("bubblesToItems: lines to chat messages by layout", () => {
  it("joins the lines of one bubble and takes the side from the whole bubble, not its short last line", () => {
    const items = bubblesToItems(
      [
        line("Hey, are we still on for dinner", 62, 54, 472),
        line("tonight?", 60, 90, 173),
        line("Yes! Seven at the Italian place?", 294, 191, 739),
        line("I will bring the book | told you about", 228, 291, 726),
        line("last week", 227, 327, 358),
      ],
      800,
    );
    expect(items).toEqual([
      { id: "ocr-1", text: "Hey, are we still on for dinner tonight?", author: "contact" },
      { id: "ocr-2", text: "Yes! Seven at the Italian place?", author: "user" },
      // The pipe Tesseract reads for a lone "I" is put right.
      { id: "ocr-3", text: "I will bring the book I told you about last week", author: "user" },
    ]);
  });

  it("splits bubbles that touch vertically but not horizontally, and keeps reading order whatever the input order", () => {
    const items = bubblesToItems(
      [line("on my way", 500, 100, 760), line("ok", 40, 60, 120), line("where are you", 40, 20, 300)],
      800,
    );
    expect(items.map((item) => [item.text, item.author])).toEqual([
      ["where are you ok", "contact"],
      ["on my way", "user"],
    ]);
  });

  it("drops low-confidence and symbol-only lines (icons, bubble tails), and answers nothing for an empty page", () => {
    expect(
      bubblesToItems([line("~~", 40, 20, 80), line("Il|", 40, 100, 90, 12), line("See you", 40, 200, 200)], 800),
    ).toEqual([{ id: "ocr-1", text: "See you", author: "contact" }]);
    expect(bubblesToItems([], 800)).toEqual([]);
  });

  it("drops the status bar's clock and time stamps between messages, but keeps times inside a message", () => {
    const items = bubblesToItems(
      [
        line("9:41", 30, 5, 90),
        line("Meet at 10:30?", 40, 100, 300),
        line("10:32 AM", 340, 180, 460),
        line("Sure", 600, 260, 760),
      ],
      800,
    );
    expect(items.map((item) => item.text)).toEqual(["Meet at 10:30?", "Sure"]);
    expect(items.map((item) => item.id)).toEqual(["ocr-1", "ocr-2"]);
  });
});
