// Where each role lands after signing in and when opening `/`: its own console, not a
// personal wallet it may never use (the wallet stays one switch away at /wallet).
import type { Role } from '@/server/generated/prisma/enums';

export function roleHome(role: Role): '/' | '/merchant' | '/admin' {
  if (role === 'MERCHANT') return '/merchant';
  if (role === 'ADMIN') return '/admin';
  return '/';
}

/** The personal wallet's address for this role: `/` for a customer, /wallet for the others. */
export function personalWalletHref(role: Role): '/' | '/wallet' {
  return roleHome(role) === '/' ? '/' : '/wallet';
}
