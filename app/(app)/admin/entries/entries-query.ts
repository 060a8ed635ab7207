// The journal entry search's URL filters → the search. The amount is typed in yuan (a
// decimal, parsed strictly: at most two decimals, no sign, exponent or grouping) or in fen
// (minor units, digits only); full-width digits are converted first, never misread.
import { z } from 'zod';
import { DEFAULT_CURRENCY, ENTRY_KINDS, normalizeFullWidthDigits, parseAmount, parseMinorUnits } from '@/ledger';
import { isUuid, parseDayRange, parsePage, parseSearchText } from '@/server/admin/admin-input';
import { ENTRY_STATUSES, type EntryQuery, type EntryStatusFilter } from '@/server/admin/entries/search-journal-entries';
import { InvalidInputError } from '@/server/core/domain-errors';
import { firstParam, type SearchParams } from '../../../../components/admin/href-with';
import { tryParse, type FieldErrors } from '../../../../components/admin/filter-errors';

export type AmountUnit = 'yuan' | 'fen';

export type EntryFilterValues = {
  entryId: string;
  kind: string;
  status: string;
  userEmail: string;
  amount: string;
  unit: AmountUnit;
  from: string;
  to: string;
};

export function parseFilterAmount(raw: string, unit: AmountUnit): bigint {
  const text = normalizeFullWidthDigits(raw.trim());
  if (unit === 'fen') {
    if (!/^\d{1,18}$/.test(text)) throw new InvalidInputError('amount', 'fen must be digits only');
    return parseMinorUnits(text, { field: 'amount' });
  }
  return parseAmount(text, DEFAULT_CURRENCY, { field: 'amount' });
}

export function parseEntriesQuery(params: SearchParams): {
  query: EntryQuery;
  values: EntryFilterValues;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const raw = (name: string) => (firstParam(params[name]) ?? '').trim();
  const values: EntryFilterValues = {
    entryId: raw('entryId'),
    kind: raw('kind'),
    status: raw('status'),
    userEmail: raw('userEmail'),
    amount: raw('amount'),
    unit: raw('unit') === 'fen' ? 'fen' : 'yuan',
    from: raw('from'),
    to: raw('to'),
  };
  const query: EntryQuery = { page: parsePage(firstParam(params.page)) };
  if (values.entryId) {
    if (isUuid(values.entryId)) query.entryId = values.entryId.toLowerCase();
    else errors.entryId = 'invalidId';
  }
  if ((ENTRY_KINDS as readonly string[]).includes(values.kind)) query.kind = values.kind;
  if ((ENTRY_STATUSES as readonly string[]).includes(values.status)) query.status = values.status as EntryStatusFilter;
  if (values.userEmail) {
    const email = tryParse(errors, 'userEmail', 'tooLong', () => parseSearchText(values.userEmail, 'userEmail', 254));
    if (email !== undefined) {
      if (z.string().email().safeParse(email).success) query.userEmail = email;
      else errors.userEmail = 'invalidEmail';
    }
  }
  if (values.amount) {
    const amount = tryParse(errors, 'amount', 'invalidAmount', () => parseFilterAmount(values.amount, values.unit));
    if (amount !== undefined) query.amount = amount;
  }
  const range =
    tryParse(errors, 'from', 'invalidDate', () => {
      try {
        return parseDayRange(values.from, values.to);
      } catch (error) {
        if (
          error instanceof InvalidInputError &&
          error.field === 'to' &&
          values.from &&
          /^\d{4}-\d{2}-\d{2}$/.test(values.to)
        ) {
          errors.to = 'dateOrder';
          return {};
        }
        throw error;
      }
    }) ?? {};
  return { query: { ...query, ...range }, values, errors };
}
