// Parsing what admins type (search boxes, notes, filters) at the boundary. Bad input is an
// InvalidInputError naming the field; nothing is read or written with it.
import { z } from 'zod';
import { safeTextOrThrow } from '../text/safe-text';
import { InvalidInputError } from '../core/domain-errors';
import { shanghaiDayStart } from '../../lib/time/shanghai-day';

export const NOTE_MAX = 500;
export const PAGE_SIZE = 20;

const UUID = z.string().uuid();

export function isUuid(value: string): boolean {
  return UUID.safeParse(value).success;
}

/** A required note (why an admin froze someone, rejected an application...). */
export function parseNote(raw: unknown, field = 'note'): string {
  const note = typeof raw === 'string' ? raw.trim() : '';
  if (note === '') throw new InvalidInputError(field, 'A note is required');
  if (Array.from(note).length > NOTE_MAX)
    throw new InvalidInputError(field, `The note must be at most ${NOTE_MAX} characters`);
  return safeTextOrThrow(field, note, { multiline: true });
}

export function parseUuid(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !isUuid(raw.trim())) throw new InvalidInputError(field, `${field} is not a valid id`);
  return raw.trim().toLowerCase();
}

/** A free-text search term: trimmed, at most `max` characters; '' means no filter. */
export function parseSearchText(raw: unknown, field: string, max = 100): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') throw new InvalidInputError(field, `${field} must be text`);
  const text = raw.trim();
  if (Array.from(text).length > max) throw new InvalidInputError(field, `${field} is too long`);
  return text;
}

/** A 1-based page number from the URL; anything else is page 1. */
export function parsePage(raw: unknown): number {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return 1;
  return Number(raw);
}

/**
 * An inclusive range of Shanghai days `YYYY-MM-DD` → [from, to) instants. Either end may be
 * missing; an impossible date or from after to is an error on that field.
 */
export function parseDayRange(fromRaw: unknown, toRaw: unknown): { from?: Date; to?: Date } {
  const range: { from?: Date; to?: Date } = {};
  const from = parseSearchText(fromRaw, 'from', 10);
  const to = parseSearchText(toRaw, 'to', 10);
  if (from) {
    const start = shanghaiDayStart(from);
    if (!start) throw new InvalidInputError('from', 'from must be a date YYYY-MM-DD');
    range.from = start;
  }
  if (to) {
    const start = shanghaiDayStart(to);
    if (!start) throw new InvalidInputError('to', 'to must be a date YYYY-MM-DD');
    range.to = new Date(start.getTime() + 86_400_000);
  }
  if (range.from && range.to && range.from >= range.to) throw new InvalidInputError('to', 'to must not be before from');
  return range;
}

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function paged<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Paged<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
