// Bad inputs of docs/security.md at the money forms' boundary: each is refused with a field
// error (INVALID_AMOUNT / INVALID_INPUT → 422) before any use case runs.
import { describe, expect, it } from 'vitest';
import { httpStatusForError } from '../http/error-status';
import { accountNumberField, amountField, emailField, idempotencyKeyField, memoField, MEMO_MAX } from './form-input';

const form = (entries: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

function refusal(fn: () => unknown): { code: string; field: string | undefined; status: number } {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; field?: string };
    return { code: e.code, field: e.field, status: httpStatusForError(error) };
  }
  throw new Error('expected a refusal');
}

describe('amountField', () => {
  it.each([
    ['88.88', 8888n],
    ['100', 10000n],
    ['0.01', 1n],
    ['１００.５０', 10050n], // full-width digits from a Chinese input method, converted explicitly
  ])('%j → %s fen', (text, minor) => expect(amountField(form({ amount: text }))).toBe(minor));

  it.each([
    '-1',
    '0',
    '0.001',
    '1e309',
    '1e1',
    'NaN',
    'Infinity',
    '',
    '9007199254740993',
    '9223372036854775808',
    '10,00',
    ' 10 ',
    '١٠',
    'true',
    '[]',
    '{}',
    'null',
  ])('%j is refused with 422 on the amount field', (text) =>
    expect(refusal(() => amountField(form({ amount: text })))).toMatchObject({ field: 'amount', status: 422 }),
  );

  it('a missing amount or a file instead of text is refused', () => {
    expect(refusal(() => amountField(new FormData()))).toMatchObject({ field: 'amount', status: 422 });
    expect(refusal(() => amountField(form({ amount: new Blob(['1']) })))).toMatchObject({
      field: 'amount',
      status: 422,
    });
  });
});

describe('other fields', () => {
  it('a memo over the limit, including a 1 MB one, is refused; markup is kept as text (escaped when shown)', () => {
    expect(refusal(() => memoField(form({ memo: 'x'.repeat(MEMO_MAX + 1) })))).toMatchObject({
      field: 'memo',
      status: 422,
    });
    expect(refusal(() => memoField(form({ memo: 'x'.repeat(1024 * 1024) })))).toMatchObject({
      field: 'memo',
      status: 422,
    });
    expect(memoField(form({ memo: '<img src=x onerror=alert(1)>' }))).toBe('<img src=x onerror=alert(1)>');
    expect(memoField(form({ memo: '   ' }))).toBeNull();
  });

  it.each(['午饭\u202E', '\u200B午饭', '午\u00AD饭', 'a\u2028b', 'a\tb'])(
    'a memo with a hidden character (%j) is refused on the memo field',
    (memo) => {
      expect(refusal(() => memoField(form({ memo })))).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'memo',
        status: 422,
      });
    },
  );

  it('the idempotency key must be a UUID', () => {
    expect(refusal(() => idempotencyKeyField(form({ idempotencyKey: 'abc' })))).toMatchObject({
      field: 'idempotencyKey',
      status: 422,
    });
    expect(idempotencyKeyField(form({ idempotencyKey: '0190f0c4-8a3e-7b1c-9d2e-3f4a5b6c7d8e' }))).toHaveLength(36);
  });

  it('emails and account numbers are checked', () => {
    expect(refusal(() => emailField(form({ email: 'not-an-email' })))).toMatchObject({ field: 'email', status: 422 });
    expect(emailField(form({ email: ' LiSi@Example.com ' }))).toBe('lisi@example.com');
    expect(accountNumberField(form({ accountNumber: '6222 0000 0000 0044' }))).toBe('6222000000000044');
    expect(refusal(() => accountNumberField(form({ accountNumber: '1234' })))).toMatchObject({
      field: 'accountNumber',
      status: 422,
    });
  });
});
