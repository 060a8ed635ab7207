// The geometry of the small charts (the home's 30-day balance line, the admin's fee revenue
// bars), drawn as inline SVG instead of a charting library: the library was 109 KB of gzipped
// JavaScript on the home page for one line. Coordinates are in a viewBox of `width` × `height`;
// the SVG stretches to its box (preserveAspectRatio="none"), so x is also a share of the width.

export type Point = { x: number; y: number };
export type Bar = { x: number; y: number; width: number; height: number };

/** Where `values` sit across the box: first at the left edge, last at the right, the range filling the height. */
export function linePoints(values: readonly number[], width: number, height: number, padTop = 0): Point[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  // A flat balance gets some room, so its line sits mid-chart rather than on an edge.
  const [low, high] = min === max ? [min - 1, max + 1] : [min, max];
  const step = values.length === 1 ? 0 : width / (values.length - 1);
  const usable = height - padTop;
  return values.map((value, i) => ({
    x: values.length === 1 ? width / 2 : i * step,
    y: padTop + usable - ((value - low) / (high - low)) * usable,
  }));
}

const round = (n: number) => Math.round(n * 100) / 100;

/** An SVG path through the points (straight segments: honest about each day's value). */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

/** The line's path closed down to the bottom edge, for the shaded area under it. */
export function areaPath(points: readonly Point[], height: number): string {
  if (points.length === 0) return '';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return `${linePath(points)} L${round(last.x)} ${height} L${round(first.x)} ${height} Z`;
}

/** One bar per value from a zero baseline; the tallest fills the height (an all-zero set stays flat). */
export function barRects(values: readonly number[], width: number, height: number, gapShare = 0.25): Bar[] {
  if (values.length === 0) return [];
  const top = Math.max(...values, 1);
  const slot = width / values.length;
  const barWidth = slot * (1 - gapShare);
  return values.map((value, i) => {
    const barHeight = (Math.max(value, 0) / top) * height;
    return { x: i * slot + (slot - barWidth) / 2, y: height - barHeight, width: barWidth, height: barHeight };
  });
}

/** Which of `count` days get a date label under the axis: the first, the last, and evenly spaced ones between. */
export function tickIndexes(count: number, maxTicks: number): number[] {
  if (count <= 0) return [];
  if (count === 1 || maxTicks <= 1) return [0];
  const ticks = Math.min(count, maxTicks);
  const indexes = new Set<number>();
  for (let i = 0; i < ticks; i++) indexes.add(Math.round((i * (count - 1)) / (ticks - 1)));
  return [...indexes].sort((a, b) => a - b);
}

/** The index of the day under a pointer at `share` (0 = left edge, 1 = right edge) of a line of `count` days. */
export function nearestIndex(share: number, count: number): number {
  if (count <= 1) return 0;
  const clamped = Math.min(Math.max(share, 0), 1);
  return Math.round(clamped * (count - 1));
}
