import type { TOcrItem } from "@cto/contracts/api/analysis";

export type TBox = { x0: number; y0: number; x1: number; y1: number };
export type TOcrLine = { text: string; confidence: number; bbox: TBox; rowHeight: number };

// Below this Tesseract confidence a "line" is usually an avatar, an icon or a bubble's tail.
const MIN_CONFIDENCE = 40;
// Lines of one bubble sit closer than this many row heights; bubbles have a wider gap between them.
const MAX_LINE_GAP = 0.75;

type TGroup = { lines: TOcrLine[]; box: TBox };

const joinBoxes = (a: TBox, b: TBox): TBox => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});
const overlapsHorizontally = (a: TBox, b: TBox) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
const isNoise = (line: TOcrLine) => line.confidence < MIN_CONFIDENCE || !/[\p{L}\p{N}]/u.test(line.text);
// Tesseract often reads a lone capital I in chat fonts as a pipe; a pipe between words is never meant.
const cleanText = (text: string) =>
  text
    .replace(/(^|\s)\|(?=\s|$)/g, "$1I")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Turns recognised lines into chat messages: lines close below one another that share some width
 * are one bubble; a bubble hugging the right edge is the user's own (chat apps put "me" on the
 * right), one hugging the left edge is the contact's. The side is decided per bubble, not per line,
 * because a bubble's short last line ("last week") can sit anywhere inside it.
 */
// A bubble that is only a clock time is the status bar or a time stamp between messages, not something anyone wrote.
const isClockOnly = (text: string) => /^\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?$/i.test(text);

export const bubblesToItems = (lines: TOcrLine[], imageWidth: number): TOcrItem[] => {
  const kept = lines.filter((line) => line.text && !isNoise(line)).sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const groups: TGroup[] = [];
  for (const line of kept) {
    const last = groups.at(-1);
    const previous = last?.lines.at(-1);
    const gap = previous ? line.bbox.y0 - previous.bbox.y1 : Infinity;
    if (
      last &&
      previous &&
      gap < MAX_LINE_GAP * Math.max(line.rowHeight, previous.rowHeight) &&
      overlapsHorizontally(last.box, line.bbox)
    ) {
      last.lines.push(line);
      last.box = joinBoxes(last.box, line.bbox);
    } else groups.push({ lines: [line], box: line.bbox });
  }
  return groups
    .map((group) => ({ text: cleanText(group.lines.map((line) => line.text).join(" ")), box: group.box }))
    .filter((group) => !isClockOnly(group.text))
    .map((group, index) => ({
      id: `ocr-${index + 1}`,
      text: group.text,
      author: imageWidth - group.box.x1 < group.box.x0 ? ("user" as const) : ("contact" as const),
    }));
};
