// Public developer docs: readable without signing in (no session is read here).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/shell/brand-mark';

export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-gray-50">
      <header className="sticky top-0 z-20 border-b border-gray-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 md:px-8">
          <Link href="/" className="inline-flex min-h-11 items-center">
            <BrandMark className="text-lg" />
          </Link>
          <span className="text-sm text-gray-600">开发者文档 Developers</span>
        </div>
      </header>
      {children}
    </div>
  );
}
