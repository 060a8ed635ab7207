import { describe, expect, it } from 'vitest';
import { idNumberField, phoneField, smsCodeField } from './link-input';

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe("the card-link form's fields", () => {
  it('reads an ID number with spaces, full-width digits or a lower-case x', () => {
    expect(idNumberField(form({ idNumber: '110105 19491231 002x' }))).toBe('11010519491231002X');
    expect(idNumberField(form({ idNumber: '３３０１０６１９８８０８１５４５６０' }))).toBe('330106198808154560');
  });

  it.each(['', '1101051949123100', '110105194912310021', '11010519491231002Y', 'x'.repeat(41)])(
    'refuses ID number %j naming the field',
    (idNumber) => {
      expect(() => idNumberField(form({ idNumber }))).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'idNumber' }),
      );
    },
  );

  it('reads a phone with spaces, dashes or +86', () => {
    expect(phoneField(form({ phone: '138 1234-1234' }))).toBe('13812341234');
    expect(phoneField(form({ phone: '+86 138 1234 1234' }))).toBe('13812341234');
  });

  it.each(['', '1381234123', '23812341234', '138123412345', 'abc'])('refuses phone %j naming the field', (phone) => {
    expect(() => phoneField(form({ phone }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'phone' }),
    );
  });

  it('wants six digits of code', () => {
    expect(smsCodeField(form({ code: ' 012345 ' }))).toBe('012345');
    for (const code of ['', '12345', '1234567', 'abcdef']) {
      expect(() => smsCodeField(form({ code }))).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'code' }),
      );
    }
  });
});
