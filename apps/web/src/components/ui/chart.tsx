import { useId } from "react";

import { fitAxisLabels, integerTicks } from "./chart-axis.ts";

export type TChartPoint = { x: number; y: number; label?: string };
export type TChartSeries = { name: string; points: TChartPoint[]; color?: string };

type TChartProps = {
  /** Read by screen readers as the chart's name; the data is also given as a table for them. */
  title: string;
  series: TChartSeries[];
  kind?: "line" | "bar";
  /** The y range; by default from the data. */
  yDomain?: [number, number];
  height?: number;
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
  /** Counts: whole-number ticks from 0 (never "1.3 commitments"). */
  integers?: boolean;
};

const COLORS = ["#4f46e5", "#0d9488", "#d97706", "#db2777"];
const WIDTH = 340;
const LABEL_FONT = 10;
const PAD = { top: 10, right: 8, bottom: 24, left: 28 };

const ticks = ([min, max]: [number, number], count = 4) =>
  Array.from({ length: count + 1 }, (_, index) => min + ((max - min) * index) / count);

/**
 * A small SVG line or bar chart: no chart library, so it costs a few hundred bytes of the bundle.
 * It scales to its container's width; a visually hidden table carries the same numbers.
 */
export const Chart = ({
  title,
  series,
  kind = "line",
  yDomain,
  height = 180,
  formatX = String,
  formatY = (y) => String(Math.round(y * 10) / 10),
  integers = false,
}: TChartProps) => {
  const titleId = useId();
  const points = series.flatMap((entry) => entry.points);
  if (!points.length) return null;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const yTicks = integers && !yDomain ? integerTicks(Math.max(...ys)) : null;
  const [yMin, yMax] = yDomain ?? (yTicks ? [0, yTicks.at(-1)!] : [Math.min(0, ...ys), Math.max(...ys) || 1]);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const scaleX = (x: number) => PAD.left + (xMax === xMin ? plotWidth / 2 : ((x - xMin) / (xMax - xMin)) * plotWidth);
  const scaleY = (y: number) => PAD.top + plotHeight - ((y - yMin) / (yMax - yMin || 1)) * plotHeight;
  const barGroups = [...new Set(xs)].sort((a, b) => a - b);
  const slot = plotWidth / Math.max(barGroups.length, 1);
  const barWidth = Math.max(2, Math.min(28, (slot * 0.7) / series.length));
  const xLabels = fitAxisLabels(
    barGroups.map((x) => ({
      at: kind === "bar" ? PAD.left + slot * (barGroups.indexOf(x) + 0.5) : scaleX(x),
      text: formatX(x),
    })),
    WIDTH,
    LABEL_FONT,
  );

  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        {(yTicks ?? ticks([yMin, yMax])).map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={scaleY(tick)}
              y2={scaleY(tick)}
              stroke="var(--color-slate-200)"
            />
            <text
              x={PAD.left - 6}
              y={scaleY(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-slate-500 text-[10px]"
            >
              {formatY(tick)}
            </text>
          </g>
        ))}
        {xLabels.map((label) => (
          <text
            key={label.at}
            x={label.x}
            y={height - 8}
            textAnchor={label.anchor}
            className="fill-slate-500 text-[10px]"
          >
            {label.text}
          </text>
        ))}
        {series.map((entry, seriesIndex) => {
          const color = entry.color ?? COLORS[seriesIndex % COLORS.length]!;
          const sorted = [...entry.points].sort((a, b) => a.x - b.x);
          if (kind === "bar")
            return sorted.map((point) => {
              const center = PAD.left + slot * (barGroups.indexOf(point.x) + 0.5);
              const x = center - (barWidth * series.length) / 2 + barWidth * seriesIndex;
              const top = scaleY(Math.max(point.y, yMin));
              return (
                <rect
                  key={`${entry.name}-${point.x}`}
                  x={x}
                  y={top}
                  width={barWidth - 1}
                  height={Math.max(0, scaleY(yMin) - top)}
                  rx={2}
                  fill={color}
                />
              );
            });
          const path = sorted
            .map((point, index) => `${index ? "L" : "M"}${scaleX(point.x).toFixed(1)},${scaleY(point.y).toFixed(1)}`)
            .join(" ");
          return (
            <g key={entry.name}>
              <path
                d={path}
                fill="none"
                stroke={color}
                strokeWidth={2.5}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
              {sorted.map((point) => (
                <circle
                  key={point.x}
                  cx={scaleX(point.x)}
                  cy={scaleY(point.y)}
                  r={3}
                  fill="var(--color-surface, white)"
                  stroke={color}
                  strokeWidth={2}
                />
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
          {series.map((entry, index) => (
            <span key={entry.name} className="inline-flex items-center gap-1.5">
              <span
                className="size-2.5 rounded-full"
                style={{ background: entry.color ?? COLORS[index % COLORS.length] }}
                aria-hidden="true"
              />
              {entry.name}
            </span>
          ))}
        </figcaption>
      )}
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {series.flatMap((entry) =>
            entry.points.map((point) => (
              <tr key={`${entry.name}-${point.x}`}>
                <th scope="row">{`${entry.name}, ${point.label ?? formatX(point.x)}`}</th>
                <td>{formatY(point.y)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </figure>
  );
};
