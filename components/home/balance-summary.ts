// The chart's text summary (docs/ui.md: charts come with one, for screen readers and for anyone
// who prefers words): where the balance started and ended, its highest and lowest.
export type BalanceSummary = { start: bigint; end: bigint; max: bigint; min: bigint };

export function summariseBalances(points: { balance: bigint }[]): BalanceSummary | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  let max = first.balance;
  let min = first.balance;
  for (const { balance } of points) {
    if (balance > max) max = balance;
    if (balance < min) min = balance;
  }
  return { start: first.balance, end: last.balance, max, min };
}
