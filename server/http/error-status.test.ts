import { describe, expect, it } from 'vitest';
import { DomainError } from '@/ledger';
import { AppError } from '../core/app-error';
import {
  PinLockedError,
  PinMismatchError,
  PinNotAllowedError,
  PinNotSetError,
  PinRequiredError,
  WrongPinError,
} from '../pin/pin-errors';
import { errorBody, httpStatusForError } from './error-status';

/** An error as node-postgres throws it (SQLSTATE in `code`). */
const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
/** A raw query's error as the Prisma client throws it (P2010 with the driver's SQLSTATE). */
const prismaRawError = (originalCode: string) =>
  Object.assign(new Error('raw query failed'), {
    code: 'P2010',
    meta: { driverAdapterError: { cause: { originalCode, kind: 'postgres' } } },
  });

describe('a database that cannot take the request is 503, never 500', () => {
  it.each([
    ['starting up (57P03)', pgError('57P03')],
    ['shut down by an administrator (57P01)', pgError('57P01')],
    ['refusing writes (25006)', pgError('25006')],
    ['refusing writes, through Prisma', prismaRawError('25006')],
    ['out of connections (53300)', pgError('53300')],
    ['out of disk (53100)', pgError('53100')],
    ['a connection exception (08006)', pgError('08006')],
    ['unreachable (Prisma P1001)', Object.assign(new Error('cannot reach'), { code: 'P1001' })],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['the connection closed mid-request', new Error('Connection terminated unexpectedly')],
    ['a conflict still there after its retries (40001)', pgError('40001')],
  ])('%s', (_what, error) => {
    expect(httpStatusForError(error)).toBe(503);
    expect(errorBody(error)).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable; try again' },
    });
  });
});

describe('other unknown errors stay 500 and say nothing of their internals', () => {
  it.each([
    ['a bug', new Error('cannot read properties of undefined')],
    ['a unique violation (23505)', pgError('23505')],
    ['a check violation, through Prisma', prismaRawError('23514')],
  ])('%s', (_what, error) => {
    expect(httpStatusForError(error)).toBe(500);
    expect(errorBody(error)).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
  });
});

it('a domain error keeps its own status even when its code looks like a database fault', () => {
  class Refused extends AppError {
    readonly code = 'ORDER_NOT_PAYABLE' as const;
  }
  expect(httpStatusForError(new Refused('closed'))).toBe(409);
});

it('a domain error whose code means a broken invariant is a 500 and says nothing of it', () => {
  class Broken extends AppError {
    readonly code = 'INVALID_ENTRY' as const;
  }
  expect(httpStatusForError(new Broken('posting of zero'))).toBe(500);
  expect(errorBody(new Broken('posting of zero'))).toEqual({
    error: { code: 'INTERNAL', message: 'Something went wrong on our side' },
  });
});

it('a code that bypassed the registry is a 500, never its own made-up status', () => {
  // eslint-disable-next-line no-restricted-syntax -- the bypass AppError exists to prevent
  class Unregistered extends DomainError {
    readonly code = 'NOT_A_REGISTERED_CODE';
  }
  expect(httpStatusForError(new Unregistered('x'))).toBe(500);
  expect(errorBody(new Unregistered('x')).error.code).toBe('INTERNAL');
});

describe('payment PIN errors have their own status, never 500', () => {
  it.each([
    [new PinRequiredError(), 422, 'pin'],
    [new WrongPinError(3), 422, 'pin'],
    [new PinLockedError(new Date('2026-12-07T08:00:00Z')), 423, 'pin'],
    [new PinNotSetError(), 409, 'pin'],
    [new PinNotAllowedError('SEQUENCE'), 422, 'pin'],
    [new PinMismatchError(), 422, 'pinConfirm'],
  ])('%s', (error, status, field) => {
    expect(httpStatusForError(error)).toBe(status);
    expect(errorBody(error).error).toMatchObject({ code: error.code, field });
  });
});
