/** One line of a money form's summary before confirming: label left, value right (long values wrap). */
export function SummaryRow({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: string;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-gray-600">{label}</dt>
      <dd
        className={
          strong ? 'tabular text-right font-semibold text-gray-900' : 'tabular text-right break-all text-gray-900'
        }
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}
