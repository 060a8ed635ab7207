// The local mail catcher's inbox (development and e2e only): what the wallet "sent", newest
// first, optionally for one address (?to=). A developer's tool, not a product page.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/server/db';
import { devMailboxEnabled, listCaughtMail } from '@/server/mail/dev-mailbox';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '开发邮箱 Dev mailbox', robots: { index: false } };

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!devMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const address = typeof to === 'string' ? to : undefined;
  const messages = await listCaughtMail(db(), address);
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-xl font-semibold text-gray-900">开发邮箱 · Dev mailbox</h1>
      <p className="mt-1 text-sm text-gray-600">
        本地 SMTP 捕获的邮件，仅开发与测试环境可见。Mail caught by the local SMTP server; development and tests only.
      </p>
      <form className="mt-4 flex gap-2" method="get">
        <label className="sr-only" htmlFor="mailbox-to">
          收件人 Recipient
        </label>
        <input
          id="mailbox-to"
          name="to"
          defaultValue={address ?? ''}
          placeholder="someone@example.com"
          className="min-w-0 flex-1 rounded-lg border border-gray-300 px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-lg bg-gray-900 px-3 py-2 text-sm text-white">
          筛选 Filter
        </button>
      </form>
      {messages.length === 0 ? (
        <p className="mt-6 text-sm text-gray-600">没有邮件 · No mail</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {messages.map((m) => (
            <li key={m.id} data-testid="mail" className="rounded-xl border border-gray-200 bg-white p-4">
              <p className="text-xs text-gray-500">
                <span data-testid="mail-to">{m.to}</span> · {m.receivedAt.toISOString()}
              </p>
              <h2 data-testid="mail-subject" className="mt-1 font-semibold text-gray-900">
                {m.subject}
              </h2>
              <pre
                data-testid="mail-text"
                className="mt-2 font-sans text-sm break-words whitespace-pre-wrap text-gray-800"
              >
                {m.text}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
