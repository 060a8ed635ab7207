import type { ReactNode } from 'react';

export function PageTitle({ title, intro }: { title: string; intro?: ReactNode }) {
  return (
    <div className="mb-5">
      <h1 className="text-xl font-semibold text-gray-900 md:text-2xl">{title}</h1>
      {intro ? <p className="mt-1 text-gray-600">{intro}</p> : null}
    </div>
  );
}
