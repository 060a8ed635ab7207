// One endpoint, Stripe-like: what it does on the left, curl and the answer on the right (xl).
import type { ReactNode } from 'react';
import { CodeBlock } from './code-block';

export function Endpoint(props: {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  title: string;
  children: ReactNode;
  /** The request body's fields, full width under the text and the samples. */
  fields?: ReactNode;
  curl: string;
  response: unknown;
  responseTitle?: string;
}) {
  return (
    <section
      id={props.id}
      aria-labelledby={`${props.id}-title`}
      className="scroll-mt-20 border-t border-gray-200 py-10"
    >
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="min-w-0 space-y-4">
          <h3 id={`${props.id}-title`} className="text-xl font-semibold text-gray-900">
            {props.title}
          </h3>
          <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
            <span
              className={
                props.method === 'GET'
                  ? 'rounded bg-emerald-100 px-2 py-0.5 font-semibold text-emerald-800'
                  : 'rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-700'
              }
            >
              {props.method}
            </span>
            <span className="break-all text-gray-900">/api/v1{props.path}</span>
          </p>
          <div className="space-y-3 text-[15px] leading-7 text-gray-800">{props.children}</div>
        </div>
        <div className="min-w-0 space-y-4">
          <CodeBlock title="请求 Request" code={props.curl} />
          <CodeBlock
            title={props.responseTitle ?? '响应 Response'}
            code={typeof props.response === 'string' ? props.response : JSON.stringify(props.response, null, 2)}
          />
        </div>
      </div>
      {props.fields && <div className="mt-6">{props.fields}</div>}
    </section>
  );
}
