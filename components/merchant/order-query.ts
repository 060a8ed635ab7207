// The orders page's URL query: what the filters put there, read back leniently (a bad value
// becomes a field error or is dropped, never a crash).
import { ORDER_STATUSES } from '@/lib/orders/order-statuses';
import type { OrderStatus } from '@/server/generated/prisma/enums';
import type { MerchantOrderFilter } from '@/server/merchants/list-merchant-orders';

export type OrderSearchParams = Record<string, string | string[] | undefined>;
export type OrderQuery = { status?: OrderStatus; from?: string; to?: string; q?: string; cursor?: string };
export type OrderQueryErrors = { from?: 'invalidDate' | 'dateOrder'; to?: 'invalidDate' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  // "2026-13-45" has the shape but is no day: an Invalid Date, whose toISOString throws.
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export function parseOrderQuery(params: OrderSearchParams): { query: OrderQuery; errors: OrderQueryErrors } {
  const query: OrderQuery = {};
  const errors: OrderQueryErrors = {};
  const status = one(params.status);
  if (status && (ORDER_STATUSES as readonly string[]).includes(status)) query.status = status as OrderStatus;
  const from = one(params.from);
  if (from) {
    if (validDate(from)) query.from = from;
    else errors.from = 'invalidDate';
  }
  const to = one(params.to);
  if (to) {
    if (validDate(to)) query.to = to;
    else errors.to = 'invalidDate';
  }
  if (query.from && query.to && query.from > query.to) {
    errors.from = 'dateOrder';
    delete query.from;
  }
  const q = one(params.q);
  if (q) query.q = q.slice(0, 64);
  const cursor = one(params.cursor);
  if (cursor) query.cursor = cursor.slice(0, 64);
  return { query, errors };
}

export function toOrderFilter(query: OrderQuery): MerchantOrderFilter {
  return { status: query.status, from: query.from, to: query.to, merchantOrderNo: query.q };
}

export function ordersHref(query: OrderQuery, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'from', 'to', 'q'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `/merchant/orders?${text}` : '/merchant/orders';
}

export function hasOrderFilters(query: OrderQuery): boolean {
  return Boolean(query.status || query.from || query.to || query.q);
}
