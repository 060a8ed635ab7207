// JSON request bodies of the merchant API. JSON.parse turns 1e3, 10.0 and 1e309 into numbers
// that look like integers (or Infinity), so a number written with a fraction or an exponent is
// kept apart as a JsonNonIntegerNumber before parsing: integer fields then refuse it (422)
// instead of silently accepting a float or an exponent form.
import { InvalidJsonError } from './merchant-api-errors';

/** A JSON number written with a fraction or an exponent; never a valid integer field. */
export class JsonNonIntegerNumber {
  constructor(readonly source: string) {}
  toJSON(): { $number: string } {
    return { $number: this.source };
  }
}

// A control character cannot appear raw in a JSON string, so no client text collides with it
// unless escaped on purpose (then it is just refused as a number would be).
const MARK = '\u0000number:';
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const JSON_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const NUMBER_CHAR = /[-+0-9.eE]/;

/** The parsed body ({} when empty); InvalidJsonError when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  let marked = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let end = i;
      while (end < text.length && NUMBER_CHAR.test(text[end]!)) end += 1;
      const token = text.slice(i, end);
      // Malformed tokens are left alone for JSON.parse to refuse.
      if (JSON_NUMBER.test(token) && !JSON_INTEGER.test(token)) {
        marked += text.slice(copied, i) + JSON.stringify(MARK + token);
        copied = end;
      }
      i = end;
    } else {
      i += 1;
    }
  }
  marked += text.slice(copied);
  try {
    return JSON.parse(marked, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(MARK) ? new JsonNonIntegerNumber(value.slice(MARK.length)) : value,
    );
  } catch {
    throw new InvalidJsonError();
  }
}

/** Key-order-independent JSON text of a parsed body (for the idempotency request hash). */
export function canonicalJson(value: unknown): string {
  if (value instanceof JsonNonIntegerNumber) return canonicalJson(value.toJSON());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
