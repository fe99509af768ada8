/** One tick label on an axis: where it is centred (SVG units) and what it says. */
export type TAxisLabel = { at: number; text: string };
export type TPlacedLabel = TAxisLabel & { x: number; anchor: "start" | "middle" | "end" };

// Average glyph width of the chart's small sans-serif labels, as a share of the font size.
const GLYPH = 0.62;
const GAP = 6;

const extent = (label: TPlacedLabel, fontSize: number) => {
  const width = label.text.length * fontSize * GLYPH;
  const left = label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - width : label.x - width / 2;
  return [left, left + width] as const;
};

/** Centred on its tick, unless that would cross the chart's edge: then it is aligned to the edge instead. */
const place = (label: TAxisLabel, width: number, fontSize: number): TPlacedLabel => {
  const half = (label.text.length * fontSize * GLYPH) / 2;
  if (label.at - half < 0) return { ...label, x: Math.max(0, label.at - Math.min(half, label.at)), anchor: "start" };
  if (label.at + half > width)
    return { ...label, x: Math.min(width, label.at + Math.min(half, width - label.at)), anchor: "end" };
  return { ...label, x: label.at, anchor: "middle" };
};

/**
 * The x-axis labels that fit: none cut off at either edge and none overlapping another. The first and
 * the last are kept (the range a person reads first); the ones between are kept left to right when
 * they leave room for their neighbours, so a long series shows every second or third label.
 */
export const fitAxisLabels = (labels: TAxisLabel[], width: number, fontSize: number): TPlacedLabel[] => {
  if (!labels.length) return [];
  const placed = labels.map((label) => place(label, width, fontSize));
  const first = placed[0]!;
  const last = placed.at(-1)!;
  if (placed.length === 1) return [first];
  const overlaps = (a: TPlacedLabel, b: TPlacedLabel) => {
    const [[aLeft, aRight], [bLeft, bRight]] = [extent(a, fontSize), extent(b, fontSize)];
    return aLeft < bRight + GAP && bLeft < aRight + GAP;
  };
  if (overlaps(first, last)) return [first];
  const kept = [first];
  for (const label of placed.slice(1, -1))
    if (!overlaps(kept.at(-1)!, label) && !overlaps(label, last)) kept.push(label);
  return [...kept, last];
};

/** Whole-number ticks from 0 up to at least `max`, about `count` of them: counts are never 1.3 or 3.8. */
export const integerTicks = (max: number, count = 4) => {
  const step = Math.max(1, Math.ceil(Math.max(1, max) / count));
  const top = step * Math.ceil(Math.max(1, max) / step);
  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
};
