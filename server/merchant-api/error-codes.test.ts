import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error';
import { httpStatusForError } from '../http/error-status';
import { API_ERROR_CODES } from './error-codes';

describe('documented API error codes', () => {
  it.each(API_ERROR_CODES.filter((e) => e.code !== 'INTERNAL'))(
    '$code is answered with $status, as the docs say',
    ({ code, status }) => {
      class Documented extends AppError {
        readonly code = code;
      }
      expect(httpStatusForError(new Documented('x'))).toBe(status);
    },
  );

  it.each(API_ERROR_CODES)('$code says when in Chinese and English', ({ when, whenEn }) => {
    expect(when).toMatch(/\p{Script=Han}/u);
    expect(whenEn).toMatch(/^[\x20-\x7e–]+$/);
  });

  it('INTERNAL is what any unknown error becomes', () => {
    expect(httpStatusForError(new Error('boom'))).toBe(500);
  });
});
