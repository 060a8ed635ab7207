'use client';

import { useId, useState, type PointerEvent } from 'react';
import { areaPath, linePath, linePoints, nearestIndex, tickIndexes } from '@/components/charts/chart-geometry';
import { useBalanceHidden } from './balance-visibility';

/** One day: `date` YYYY-MM-DD, `minor` the balance in minor units, `label` it formatted. */
export type ChartPoint = { date: string; minor: string; label: string };

const WIDTH = 300;
const HEIGHT = 100;

/**
 * The 30-day balance as a line over a shaded area, drawn as inline SVG (a charting library
 * cost the home page 109 KB of gzipped JavaScript). Decorative for assistive technology: the
 * text summary beside it says the same. Minor units become numbers only to place the line
 * (exact below 2^53); every amount a person reads is the server's formatted string. Pointing
 * at the chart shows that day's balance, masked when the balance is hidden.
 */
export function BalanceChart({ points }: { points: ChartPoint[] }) {
  const hidden = useBalanceHidden();
  const gradientId = useId();
  const [active, setActive] = useState<number | null>(null);
  const xy = linePoints(
    points.map((p) => Number(p.minor)),
    WIDTH,
    HEIGHT,
    8,
  );
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setActive(nearestIndex((event.clientX - box.left) / box.width, points.length));
  };
  const at = active === null ? null : { point: points[active]!, xy: xy[active]! };
  const share = (x: number) => `${(x / WIDTH) * 100}%`;
  return (
    <div aria-hidden className="w-full select-none" data-testid="balance-chart">
      <div className="relative h-28" onPointerMove={onPointerMove} onPointerLeave={() => setActive(null)}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-full w-full overflow-visible"
          focusable="false"
        >
          <defs>
            <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#1677ff" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#1677ff" stopOpacity={0} />
            </linearGradient>
          </defs>
          <path d={areaPath(xy, HEIGHT)} fill={`url(#${gradientId})`} />
          <path
            d={linePath(xy)}
            fill="none"
            stroke="#0958d9"
            strokeWidth={2}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
          {at && (
            <line
              x1={at.xy.x}
              x2={at.xy.x}
              y1={0}
              y2={HEIGHT}
              stroke="#9ca3af"
              strokeDasharray="3 3"
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
        {at && (
          <>
            {/* HTML, not SVG: the stretched viewBox would squash a circle into an ellipse. */}
            <span
              className="pointer-events-none absolute size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-[#0958d9] shadow"
              style={{ left: share(at.xy.x), top: `${(at.xy.y / HEIGHT) * 100}%` }}
            />
            <div
              className="pointer-events-none absolute top-0 z-10 rounded-lg border border-gray-200 bg-white px-3 py-1.5 text-sm whitespace-nowrap shadow-sm"
              style={
                at.xy.x > WIDTH / 2
                  ? { right: `calc(100% - ${share(at.xy.x)} + 8px)` }
                  : { left: `calc(${share(at.xy.x)} + 8px)` }
              }
              data-testid="balance-chart-tooltip"
            >
              <span className="text-gray-500">{at.point.date.slice(5)}</span>{' '}
              <span className="font-semibold text-gray-900 tabular">{hidden ? '****' : at.point.label}</span>
            </div>
          </>
        )}
      </div>
      <DayTicks dates={points.map((p) => p.date)} />
    </div>
  );
}

/** A few MM-DD labels under the line, at the same horizontal shares as their points. */
function DayTicks({ dates }: { dates: string[] }) {
  const ticks = tickIndexes(dates.length, 5);
  const last = dates.length - 1;
  return (
    <div className="relative mt-1 h-4 text-xs whitespace-nowrap text-gray-500 tabular">
      {ticks.map((i) => {
        const left = last === 0 ? 50 : (i / last) * 100;
        // The first label starts at the edge and the last ends at it; the others centre on their day.
        const shift = i === 0 ? '' : i === last ? '-translate-x-full' : '-translate-x-1/2';
        return (
          <span key={i} className={`absolute top-0 ${shift}`} style={{ left: `${left}%` }}>
            {dates[i]!.slice(5)}
          </span>
        );
      })}
    </div>
  );
}
