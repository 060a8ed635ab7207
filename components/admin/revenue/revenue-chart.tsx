'use client';

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One day: `date` YYYY-MM-DD, `minor` revenue in minor units, `label` it formatted. */
export type RevenuePoint = { date: string; minor: string; label: string };

type Datum = { day: string; value: number; label: string };

/**
 * Fee revenue per day as bars. Decorative for assistive technology: the summary beside it and
 * the table under it say the same. Minor units reach recharts as numbers only to size the
 * bars; every amount a person reads is the server's formatted string.
 */
export function RevenueChart({ points }: { points: RevenuePoint[] }) {
  const data: Datum[] = points.map((p) => ({ day: p.date.slice(5), value: Number(p.minor), label: p.label }));
  return (
    <div aria-hidden className="h-48 w-full select-none md:h-56" data-testid="revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <XAxis
            dataKey="day"
            tickLine={false}
            axisLine={false}
            interval="preserveStartEnd"
            minTickGap={20}
            tick={{ fontSize: 12, fill: '#6b7280' }}
          />
          <YAxis hide domain={[0, (max: number) => Math.max(max, 1)]} />
          <Tooltip
            cursor={{ fill: '#f3f4f6' }}
            content={({ active, payload }) => {
              const datum = payload?.[0]?.payload as Datum | undefined;
              if (!active || !datum) return null;
              return (
                <div className="rounded-lg border border-gray-200 bg-white px-3 py-1.5 text-sm shadow-sm">
                  <span className="text-gray-500">{datum.day}</span>{' '}
                  <span className="font-semibold text-gray-900 tabular">{datum.label}</span>
                </div>
              );
            }}
          />
          <Bar dataKey="value" fill="#1677ff" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
