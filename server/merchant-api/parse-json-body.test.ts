import { describe, expect, it } from 'vitest';
import { canonicalJson, JsonNonIntegerNumber, parseJsonBody } from './parse-json-body';
import { InvalidJsonError } from './merchant-api-errors';

describe('parseJsonBody', () => {
  it('keeps integers as numbers and strings as they are', () => {
    expect(parseJsonBody('{"amount": 8888, "n": -3, "s": "1.5e3 \\" 2.0"}')).toEqual({
      amount: 8888,
      n: -3,
      s: '1.5e3 " 2.0',
    });
  });

  it.each(['1.0', '1e3', '1E3', '0.001', '1e309', '-1.5', '10.00', '1e-2'])(
    'sets apart %s, which JSON.parse would make an integer-looking number',
    (token) => {
      const body = parseJsonBody(`{"amount": ${token}, "list": [${token}]}`) as { amount: unknown; list: unknown[] };
      expect(body.amount).toBeInstanceOf(JsonNonIntegerNumber);
      expect((body.amount as JsonNonIntegerNumber).source).toBe(token);
      expect(body.list[0]).toBeInstanceOf(JsonNonIntegerNumber);
    },
  );

  it('is {} for an empty body', () => {
    expect(parseJsonBody('')).toEqual({});
    expect(parseJsonBody('  \n')).toEqual({});
  });

  it.each([
    '{',
    '{"amount": 01}',
    '{"amount": 1.}',
    '{"amount": .5}',
    '{"amount": +1}',
    '{"amount": NaN}',
    '{"amount": Infinity}',
    "{'a':1}",
    '１０',
    '{"a":1}x',
  ])('refuses %s as not JSON', (text) => {
    expect(() => parseJsonBody(text)).toThrow(InvalidJsonError);
  });

  it('does not look for numbers inside strings with escaped quotes', () => {
    expect(parseJsonBody('{"a":"x\\\\","b":2}')).toEqual({ a: 'x\\', b: 2 });
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order or spacing', () => {
    expect(canonicalJson(parseJsonBody('{"b": 1, "a": {"y": [1, 2], "x": null}}'))).toBe(
      canonicalJson(parseJsonBody('{"a":{"x":null,"y":[1,2]},"b":1}')),
    );
  });

  it('tells 1e3 from 1000', () => {
    expect(canonicalJson(parseJsonBody('{"a":1e3}'))).not.toBe(canonicalJson(parseJsonBody('{"a":1000}')));
  });
});
