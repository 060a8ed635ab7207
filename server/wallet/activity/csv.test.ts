import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['张三', '张三'],
    [null, ''],
  ])('text %j → %j', (value, expected) => expect(csvCell(value)).toBe(expected));

  it('leaves numeric cells alone (a signed amount stays a number)', () => {
    expect(csvCell('-50.10', { numeric: true })).toBe('-50.10');
  });

  it('joins a line with CRLF', () => expect(csvLine(['a', 'b'])).toBe('a,b\r\n'));
});
