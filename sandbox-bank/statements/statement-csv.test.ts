import { describe, expect, it } from 'vitest';
import { neutraliseTextCell, statementCsv } from './statement-csv';

describe('statement CSV', () => {
  it('writes header, opening, lines and closing rows with integer amounts', () => {
    const csv = statementCsv({
      accountNumber: '6222999900000001',
      date: '2026-11-25',
      currency: 'CNY',
      openingBalance: 1000n,
      closingBalance: 3500n,
      lines: [
        {
          bankReference: 'SB20261125AAAA',
          reference: 'top-up-1',
          kind: 'DEBIT',
          amount: 5000n,
          balanceAfter: 6000n,
          counterparty: '6222 **** **** 0011',
          bookedAt: new Date('2026-11-25T02:00:00Z'),
        },
        {
          bankReference: 'SB20261125BBBB',
          reference: '=HYPERLINK("http://evil")',
          kind: 'PAYOUT',
          amount: -2500n,
          balanceAfter: 3500n,
          counterparty: '6222 **** **** 0022',
          bookedAt: new Date('2026-11-25T03:00:00Z'),
        },
      ],
      movements: [],
    });
    expect(csv.split('\r\n')).toEqual([
      'row_type,booked_at,bank_reference,reference,kind,amount,balance_after,counterparty',
      'OPENING_BALANCE,,,,,,1000,',
      'MOVEMENT,2026-11-25T02:00:00.000Z,SB20261125AAAA,top-up-1,DEBIT,5000,6000,6222 **** **** 0011',
      `MOVEMENT,2026-11-25T03:00:00.000Z,SB20261125BBBB,"'=HYPERLINK(""http://evil"")",PAYOUT,-2500,3500,6222 **** **** 0022`,
      'CLOSING_BALANCE,,,,,,3500,',
      '',
    ]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['top-up', 'top-up'],
    ['', ''],
  ])('neutralises %j as %j', (input, output) => {
    expect(neutraliseTextCell(input)).toBe(output);
  });
});
