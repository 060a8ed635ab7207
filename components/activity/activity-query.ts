// The activity page's filters live in the URL (a plain GET form), so a filtered list can be
// bookmarked, shared and paged with links. Values that are not ours are dropped, and bad
// dates are reported next to their field instead of failing the page.
import type { ActivityFilter } from '@/server/wallet/activity/list-activity';
import type { ActivityKind } from '@/server/wallet/activity/operation-view';
import { shanghaiDayStart } from '@/lib/time/shanghai-day';
import type { OperationOutcome } from '@/lib/activity/operation-outcome';

export const ACTIVITY_KINDS = [
  'TOP_UP',
  'WITHDRAWAL',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'PAYMENT',
  'REFUND',
  'PAYOUT',
] as const satisfies readonly ActivityKind[];
export const ACTIVITY_STATUSES = [
  'PENDING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'CLOSED',
] as const satisfies readonly OperationOutcome[];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export type SearchParams = Record<string, string | string[] | undefined>;

export type ActivityQuery = {
  kind?: ActivityKind;
  status?: ActivityStatus;
  /** Shanghai days `YYYY-MM-DD`, both inclusive. */
  from?: string;
  to?: string;
  cursor?: string;
};

export type DateError = 'invalid' | 'beforeFrom';
export type ParsedActivityQuery = { query: ActivityQuery; errors: { from?: DateError; to?: DateError } };

const DAY_MS = 86_400_000;

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text.trim() || undefined : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((a) => a === value);
}

export function parseActivityQuery(params: SearchParams): ParsedActivityQuery {
  const query: ActivityQuery = {};
  const errors: ParsedActivityQuery['errors'] = {};
  const kind = oneOf(ACTIVITY_KINDS, single(params.kind));
  const status = oneOf(ACTIVITY_STATUSES, single(params.status));
  if (kind) query.kind = kind;
  if (status) query.status = status;

  const from = single(params.from);
  const to = single(params.to);
  if (from) {
    if (shanghaiDayStart(from)) query.from = from;
    else errors.from = 'invalid';
  }
  if (to) {
    if (!shanghaiDayStart(to)) errors.to = 'invalid';
    else if (query.from && to < query.from) errors.to = 'beforeFrom';
    else query.to = to;
  }
  const cursor = single(params.cursor);
  if (cursor && /^[A-Za-z0-9_-]{1,200}$/.test(cursor)) query.cursor = cursor;
  return { query, errors };
}

export function hasFilters(query: ActivityQuery): boolean {
  return Boolean(query.kind || query.status || query.from || query.to);
}

/** What listActivity takes: the end day counts whole, so its bound is the next midnight. */
export function toActivityFilter(query: ActivityQuery): ActivityFilter {
  const from = query.from ? shanghaiDayStart(query.from) : null;
  const toStart = query.to ? shanghaiDayStart(query.to) : null;
  return {
    kind: query.kind,
    status: query.status,
    from: from ?? undefined,
    to: toStart ? new Date(toStart.getTime() + DAY_MS) : undefined,
  };
}

/** The activity page's URL for these filters (and a page cursor). */
export function activityHref(query: ActivityQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.status) params.set('status', query.status);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `/activity?${text}` : '/activity';
}
