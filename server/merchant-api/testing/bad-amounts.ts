// RELIABILITY.md's bad amounts as raw JSON text of the `amount` value, plus the API's own
// (floats, exponent forms, digit strings, above 10^15). Every one must be a 422 naming amount.
export const BAD_AMOUNTS = [
  '-1', '0', '0.001', '1e309', '"NaN"', '"Infinity"', 'null', 'true', '[]', '{}', '""',
  '9007199254740993', '9223372036854775808', '"１０"', '"١٠"', '"10,00"', '" 10 "', '"1e1"',
  '1e1', '10.0', '"100"', '1000000000000001', '10.5', '-0',
] as const;
