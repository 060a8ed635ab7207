'use client';

import { useId } from 'react';
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useBalanceHidden } from './balance-visibility';

/** One day: `date` YYYY-MM-DD, `minor` the balance in minor units, `label` it formatted. */
export type ChartPoint = { date: string; minor: string; label: string };

type Datum = { day: string; value: number; label: string };

/**
 * The 30-day balance as an area chart. Decorative for assistive technology: the text summary
 * beside it says the same. Minor units go to recharts as integer numbers only to place the
 * line (exact below 2^53); every amount a person reads is the server's formatted string.
 */
export function BalanceChart({ points }: { points: ChartPoint[] }) {
  const hidden = useBalanceHidden();
  const gradientId = useId();
  const data: Datum[] = points.map((p) => ({ day: p.date.slice(5), value: Number(p.minor), label: p.label }));
  const values = data.map((d) => d.value);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  // A flat balance gets some room, so its line sits mid-chart rather than on an edge.
  const domain = min === max ? [min - 1, max + 1] : [min, max];
  return (
    <div aria-hidden className="h-36 w-full select-none" data-testid="balance-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <defs>
            <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#1677ff" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#1677ff" stopOpacity={0} />
            </linearGradient>
          </defs>
          <XAxis
            dataKey="day"
            tickLine={false}
            axisLine={false}
            interval="preserveStartEnd"
            minTickGap={24}
            tick={{ fontSize: 12, fill: '#6b7280' }}
          />
          <YAxis hide domain={domain} />
          <Tooltip
            cursor={{ stroke: '#9ca3af', strokeDasharray: '3 3' }}
            content={({ active, payload }) => {
              const datum = payload?.[0]?.payload as Datum | undefined;
              if (!active || !datum) return null;
              return (
                <div className="rounded-lg border border-gray-200 bg-white px-3 py-1.5 text-sm shadow-sm">
                  <span className="text-gray-500">{datum.day}</span>{' '}
                  <span className="font-semibold text-gray-900 tabular">{hidden ? '****' : datum.label}</span>
                </div>
              );
            }}
          />
          <Area
            type="monotone"
            dataKey="value"
            stroke="#0958d9"
            strokeWidth={2}
            fill={`url(#${gradientId})`}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
