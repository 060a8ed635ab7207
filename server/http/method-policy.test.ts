import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedMethods,
  isMethodAllowed,
  PAGE_METHODS,
  ROUTE_HANDLER_METHODS,
  routeHandlerMethods,
} from './method-policy';

const APP_DIR = join(import.meta.dirname, '../../app');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

/** The URL pattern of app/<…>/route.ts: route groups "(x)" do not appear in URLs. */
function urlPattern(file: string): string {
  const segments = relative(APP_DIR, file).split(sep).slice(0, -1);
  return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join('/')}`;
}

/** The methods a route file exports: `export function GET`, `export const GET`, `export { h as GET }`. */
function exportedMethods(source: string): string[] {
  return HTTP_METHODS.filter((method) =>
    new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(
      source,
    ),
  );
}

describe('the route handler list', () => {
  it('names every route.ts under app/ with exactly the methods it exports', () => {
    const found = Object.fromEntries(
      routeFiles(APP_DIR).map((file) => [urlPattern(file), exportedMethods(readFileSync(file, 'utf8'))]),
    );
    expect(Object.keys(found).length).toBeGreaterThan(10);
    const listed = Object.fromEntries(
      Object.entries(ROUTE_HANDLER_METHODS).map(([pattern, methods]) => [pattern, [...methods].sort()]),
    );
    const exported = Object.fromEntries(
      Object.entries(found).map(([pattern, methods]) => [pattern, [...methods].sort()]),
    );
    expect(listed).toEqual(exported);
  });
});

describe('routeHandlerMethods', () => {
  it.each<[string, readonly string[] | null]>([
    ['/api/v1/orders', ['GET', 'POST']],
    ['/api/v1/orders/ord_123', ['GET']],
    ['/api/v1/orders/ord_123/refunds', ['POST']],
    ['/api/v1/orders/ord_123/nothing', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']], // the API's JSON 404
    ['/api/v1/openapi.json', ['GET']],
    ['/api/v1', null], // [...path] needs a segment: the site's 404 page
    ['/api/auth/callback/credentials', ['GET', 'POST']],
    ['/merchant/bills/2026-12-01', ['GET']],
    ['/sandbox-bank/api/accounts/verify', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['/sandbox-bank/statements/csv', ['GET']],
    ['/sandbox-bank/statements', null],
    ['/', null],
    ['/transfer', null],
    ['/api/v1/orders/%E0%A4%A', null], // a malformed escape
  ])('%s → %j', (path, methods) => {
    expect(routeHandlerMethods(path)).toEqual(methods);
  });
});

describe('allowedMethods', () => {
  it('gives a page GET, HEAD, POST (server actions) and OPTIONS', () => {
    expect(allowedMethods('/transfer')).toEqual(['GET', 'HEAD', 'POST', 'OPTIONS']);
    expect(allowedMethods('/no/such/page')).toEqual(PAGE_METHODS);
  });

  it('gives a route handler its own methods, HEAD only with GET, and OPTIONS', () => {
    expect(allowedMethods('/api/v1/orders')).toEqual(['GET', 'HEAD', 'POST', 'OPTIONS']);
    expect(allowedMethods('/api/bank/notices')).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/activity/export')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it.each([
    ['PUT', '/api/v1/orders'],
    ['DELETE', '/api/v1/orders/ord_1'],
    ['PATCH', '/transfer'],
    ['TRACE', '/'],
    ['TRACE', '/api/v1/orders/x/y'],
    ['PROPFIND', '/sign-in'],
    ['HEAD', '/api/demo-store/notify'],
  ])('refuses %s %s', (method, path) => {
    expect(isMethodAllowed(method, path)).toBe(false);
  });

  it.each([
    ['GET', '/'],
    ['post', '/transfer'],
    ['HEAD', '/api/v1/balance'],
    ['DELETE', '/sandbox-bank/api/faults/x'],
  ])('lets through %s %s', (method, path) => {
    expect(isMethodAllowed(method, path)).toBe(true);
  });
});
