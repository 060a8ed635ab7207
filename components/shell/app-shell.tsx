import type { ReactNode } from 'react';
import type { CurrentUser } from '@/server/auth/current-user';
import { BottomTabs, SideNav } from './app-nav';
import { BrandMark } from './brand-mark';
import { LanguageSwitch } from './language-switch';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';

/** The signed-in frame: sidebar from md, bottom tabs below it; unread messages counted on 消息. */
export function AppShell({
  user,
  unreadCount = 0,
  children,
}: {
  user: CurrentUser;
  unreadCount?: number;
  children: ReactNode;
}) {
  const items = navItemsFor(user.role);
  const badges = { notifications: unreadCount };
  return (
    <div className="min-h-dvh md:flex">
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-gray-200 bg-white p-4 md:flex">
        <BrandMark className="mb-6 px-3 text-lg" />
        <SideNav items={items} badges={badges} />
        <div className="mt-auto flex flex-col gap-3 border-t border-gray-100 pt-4">
          <p className="truncate px-3 text-sm text-gray-600" data-testid="current-user">
            {user.displayName}
          </p>
          <div className="px-3">
            <LanguageSwitch />
          </div>
          <SignOutButton className="justify-start" />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center justify-between border-b border-gray-200 bg-white px-4 py-2 md:hidden">
          <BrandMark />
          <LanguageSwitch />
        </header>
        <main className="mx-auto w-full max-w-4xl px-4 pt-4 pb-24 md:px-8 md:pt-8 md:pb-10">{children}</main>
      </div>
      <BottomTabs items={items} badges={badges} />
    </div>
  );
}
