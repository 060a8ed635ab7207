// A titled code sample (curl, JSON, Node) on a dark panel; scrolls sideways inside itself.
export function CodeBlock({ title, code }: { title: string; code: string }) {
  return (
    <figure className="min-w-0 overflow-hidden rounded-xl bg-gray-900 text-gray-100 shadow-sm">
      <figcaption className="border-b border-white/10 px-4 py-2 font-mono text-xs text-gray-300">{title}</figcaption>
      <pre className="overflow-x-auto p-4 font-mono text-[13px] leading-relaxed" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
