// The fields of a request body, read from the OpenAPI schema (itself made from the zod schema
// that parses the request), with a Chinese note per field.
type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  default?: unknown;
  format?: string;
};

function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  return schema.format === 'uri' ? `${type} (URL)` : type;
}

function constraints(schema: JsonSchema): string[] {
  const inner = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  const out: string[] = [];
  if (inner.enum) out.push(`可选值 ${inner.enum.map(String).join(' / ')}`);
  if (inner.minimum !== undefined || inner.maximum !== undefined)
    out.push(`范围 ${inner.minimum ?? '…'} – ${inner.maximum ?? '…'}`);
  if (inner.minLength !== undefined || inner.maxLength !== undefined)
    out.push(`长度 ${inner.minLength ?? 0} – ${inner.maxLength ?? '…'}`);
  if (inner.pattern && !inner.pattern.includes('\\u0000')) out.push(`格式 ${inner.pattern}`);
  if (schema.default !== undefined) out.push(`默认 ${String(schema.default)}`);
  return out;
}

export function FieldTable({ schema, notes }: { schema: JsonSchema; notes: Record<string, string> }) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-gray-200 bg-white sm:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-50 text-gray-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                字段 Field
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                类型 Type
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                说明
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {Object.entries(schema.properties ?? {}).map(([name, field]) => (
              <tr key={name} className="align-top">
                <td className="px-3 py-2 font-mono text-[13px] whitespace-nowrap">
                  {name}
                  <div className="font-sans text-xs text-gray-500">
                    {required.has(name) ? '必填 required' : '可选 optional'}
                  </div>
                </td>
                <td className="px-3 py-2 font-mono text-[13px] text-gray-700">{typeOf(field)}</td>
                <td className="px-3 py-2 break-words text-gray-800">
                  {notes[name] ?? ''}
                  {constraints(field).length > 0 && (
                    <div className="mt-0.5 text-xs text-gray-500">{constraints(field).join(' · ')}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* Phones: one card per field instead of a table that would scroll sideways. */}
      <ul className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white sm:hidden">
        {Object.entries(schema.properties ?? {}).map(([name, field]) => (
          <li key={name} className="space-y-1 px-3 py-2.5 text-sm">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-mono text-[13px] font-semibold text-gray-900">{name}</span>
              <span className="font-mono text-xs text-gray-600">{typeOf(field)}</span>
              <span className="text-xs text-gray-500">{required.has(name) ? '必填' : '可选'}</span>
            </p>
            <p className="text-gray-800">{notes[name] ?? ''}</p>
            {constraints(field).length > 0 && (
              <p className="text-xs break-all text-gray-500">{constraints(field).join(' · ')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
