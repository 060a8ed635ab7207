// The audit log page's URL filters → the search, with a message per bad field.
import { parseDayRange, parsePage, parseSearchText } from '@/server/admin/admin-input';
import type { AuditQuery } from '@/server/admin/audit/search-audit-events';
import { InvalidInputError } from '@/server/core/domain-errors';
import { firstParam, type SearchParams } from '../../../../components/admin/href-with';
import { tryParse, type FieldErrors } from '../../../../components/admin/filter-errors';

export type AuditFilterValues = { actor: string; action: string; targetId: string; from: string; to: string };

export function parseAuditQuery(params: SearchParams): {
  query: AuditQuery;
  values: AuditFilterValues;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const raw = (name: string) => firstParam(params[name]) ?? '';
  const values: AuditFilterValues = {
    actor: raw('actor').trim(),
    action: raw('action').trim(),
    targetId: raw('targetId').trim(),
    from: raw('from'),
    to: raw('to'),
  };
  const actor = tryParse(errors, 'actor', 'tooLong', () => parseSearchText(values.actor, 'actor', 254)) ?? '';
  const action = tryParse(errors, 'action', 'tooLong', () => parseSearchText(values.action, 'action', 100)) ?? '';
  const targetId =
    tryParse(errors, 'targetId', 'tooLong', () => parseSearchText(values.targetId, 'targetId', 100)) ?? '';
  const range =
    tryParse(errors, 'from', 'invalidDate', () => {
      try {
        return parseDayRange(values.from, values.to);
      } catch (error) {
        // from after to: say so under 'to'; a malformed date keeps invalidDate.
        if (
          error instanceof InvalidInputError &&
          error.field === 'to' &&
          values.from &&
          values.to &&
          /^\d{4}-\d{2}-\d{2}$/.test(values.to)
        ) {
          errors.to = 'dateOrder';
          return {};
        }
        throw error;
      }
    }) ?? {};
  return { query: { actor, action, targetId, ...range, page: parsePage(firstParam(params.page)) }, values, errors };
}
