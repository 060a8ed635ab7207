import { barRects, tickIndexes } from '@/components/charts/chart-geometry';

/** One day: `date` YYYY-MM-DD, `minor` revenue in minor units, `label` it formatted. */
export type RevenuePoint = { date: string; minor: string; label: string };

const WIDTH = 300;
const HEIGHT = 100;

/**
 * Fee revenue per day as bars, drawn on the server as inline SVG (no script: the charting
 * library it replaces was 109 KB of gzipped JavaScript). Decorative for assistive technology:
 * the summary beside it and the table under it say the same; each bar's <title> shows its day
 * and amount on hover. Minor units become numbers only to size the bars; every amount a person
 * reads is the server's formatted string.
 */
export function RevenueChart({ points }: { points: RevenuePoint[] }) {
  const bars = barRects(
    points.map((p) => Number(p.minor)),
    WIDTH,
    HEIGHT,
  );
  const ticks = tickIndexes(points.length, 6);
  const last = points.length - 1;
  return (
    <div aria-hidden className="w-full select-none" data-testid="revenue-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-40 w-full md:h-48"
        focusable="false"
      >
        {bars.map((bar, i) => (
          <g key={points[i]!.date}>
            {/* The full-height slot takes the hover, so a small day still shows its title. */}
            <rect x={bar.x} y={0} width={bar.width} height={HEIGHT} fill="transparent" className="hover:fill-gray-100">
              <title>{`${points[i]!.date.slice(5)} ${points[i]!.label}`}</title>
            </rect>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#1677ff" pointerEvents="none" />
          </g>
        ))}
      </svg>
      <div className="relative mt-1 h-4 text-xs whitespace-nowrap text-gray-500 tabular">
        {ticks.map((i) => {
          const centre = ((bars[i]!.x + bars[i]!.width / 2) / WIDTH) * 100;
          const shift = i === 0 ? '' : i === last ? '-translate-x-full' : '-translate-x-1/2';
          return (
            <span
              key={i}
              className={`absolute top-0 ${shift}`}
              style={{ left: i === 0 ? '0%' : i === last ? '100%' : `${centre}%` }}
            >
              {points[i]!.date.slice(5)}
            </span>
          );
        })}
      </div>
    </div>
  );
}
