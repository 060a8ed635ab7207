/** A before/after snapshot as indented JSON in monospace (read-only evidence). */
export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0 flex-1">
      <p className="text-xs font-semibold text-gray-500">{label}</p>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-gray-50 p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-all text-gray-800">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
