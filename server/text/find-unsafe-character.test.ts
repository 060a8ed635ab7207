import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInputError } from '../core/domain-errors';
import { findUnsafeCharacter, type UnsafeCharacterReason } from './find-unsafe-character';
import { safeTextCheck, safeTextOrThrow } from './safe-text';

// [what, text, reason | null (allowed), code point found]
const CASES: [string, string, UnsafeCharacterReason | null, string?][] = [
  ['plain Chinese', '午饭 AA 制', null],
  ['ideographic space and punctuation', '咖啡豆　×2，谢谢！', null],
  ['Arabic and Hebrew letters (direction from the letters themselves)', 'مرحبا שלום', null],
  ['an emoji with its presentation selector', '❤️ 谢谢', null],
  ['a family emoji joined by ZWJ', '👨‍👩‍👧 家庭', null],
  ['a skin-toned profession emoji (ZWJ after the skin tone)', '👩🏽‍💻', null],
  ['a heart on fire (ZWJ after U+FE0F)', '❤️‍🔥', null],
  ['a national flag (regional indicators)', '🇨🇳', null],
  ['Mongolian with its variation selector (a mark)', 'ᠮᠣᠩᠭᠣᠯ᠋', null],
  ['U+202E RIGHT-TO-LEFT OVERRIDE', 'invoice\u202Etxt.exe', 'BIDI_CONTROL', 'U+202E'],
  ['U+202A LEFT-TO-RIGHT EMBEDDING', '\u202Aabc', 'BIDI_CONTROL', 'U+202A'],
  ['U+202C POP DIRECTIONAL FORMATTING', 'abc\u202C', 'BIDI_CONTROL', 'U+202C'],
  ['U+2066 LEFT-TO-RIGHT ISOLATE', 'a\u2066b', 'BIDI_CONTROL', 'U+2066'],
  ['U+2069 POP DIRECTIONAL ISOLATE', 'a\u2069b', 'BIDI_CONTROL', 'U+2069'],
  ['U+200E LEFT-TO-RIGHT MARK', 'a\u200Eb', 'BIDI_CONTROL', 'U+200E'],
  ['U+200F RIGHT-TO-LEFT MARK', 'a\u200Fb', 'BIDI_CONTROL', 'U+200F'],
  ['U+061C ARABIC LETTER MARK', 'a\u061Cb', 'BIDI_CONTROL', 'U+061C'],
  ['U+200B ZERO WIDTH SPACE', '张\u200B三', 'INVISIBLE_CHARACTER', 'U+200B'],
  ['U+200C ZERO WIDTH NON-JOINER', 'a\u200Cb', 'INVISIBLE_CHARACTER', 'U+200C'],
  ['U+200D between letters', '张\u200D三', 'INVISIBLE_CHARACTER', 'U+200D'],
  ['U+200D after an emoji, before a letter', '👨\u200Da', 'INVISIBLE_CHARACTER', 'U+200D'],
  ['U+200D before an emoji, after a letter', 'a\u200D👨', 'INVISIBLE_CHARACTER', 'U+200D'],
  ['U+200D at the end after an emoji', '👨\u200D', 'INVISIBLE_CHARACTER', 'U+200D'],
  ['U+200D alone', '\u200D', 'INVISIBLE_CHARACTER', 'U+200D'],
  ['U+2060 WORD JOINER', 'a\u2060b', 'INVISIBLE_CHARACTER', 'U+2060'],
  ['U+2064 INVISIBLE PLUS', '1\u20642', 'INVISIBLE_CHARACTER', 'U+2064'],
  ['U+FEFF BYTE ORDER MARK', '\uFEFFabc', 'INVISIBLE_CHARACTER', 'U+FEFF'],
  ['U+00AD SOFT HYPHEN', 'pay\u00ADment', 'INVISIBLE_CHARACTER', 'U+00AD'],
  ['U+180E MONGOLIAN VOWEL SEPARATOR', 'a\u180Eb', 'INVISIBLE_CHARACTER', 'U+180E'],
  ['U+3164 HANGUL FILLER (a blank-looking name)', '\u3164', 'INVISIBLE_CHARACTER', 'U+3164'],
  ['U+FFA0 HALFWIDTH HANGUL FILLER', 'a\uFFA0', 'INVISIBLE_CHARACTER', 'U+FFA0'],
  ['U+034F COMBINING GRAPHEME JOINER', 'a\u034Fb', 'INVISIBLE_CHARACTER', 'U+034F'],
  ['a tag character (hidden ASCII)', 'ok\u{E0041}', 'INVISIBLE_CHARACTER', 'U+E0041'],
  ['a flag tag sequence', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', 'INVISIBLE_CHARACTER', 'U+E0067'],
  ['NUL', 'a\u0000b', 'CONTROL_CHARACTER', 'U+0000'],
  ['a tab', 'a\tb', 'CONTROL_CHARACTER', 'U+0009'],
  ['a newline', 'a\nb', 'CONTROL_CHARACTER', 'U+000A'],
  ['DEL', 'a\u007Fb', 'CONTROL_CHARACTER', 'U+007F'],
  ['a C1 control (U+0085 NEXT LINE)', 'a\u0085b', 'CONTROL_CHARACTER', 'U+0085'],
  ['U+2028 LINE SEPARATOR', 'a\u2028b', 'CONTROL_CHARACTER', 'U+2028'],
  ['U+2029 PARAGRAPH SEPARATOR', 'a\u2029b', 'CONTROL_CHARACTER', 'U+2029'],
  ['a lone high surrogate', 'a\uD800b', 'CONTROL_CHARACTER', 'U+D800'],
  ['a lone low surrogate', 'a\uDC00', 'CONTROL_CHARACTER', 'U+DC00'],
];

describe('findUnsafeCharacter', () => {
  it.each(CASES)('%s', (_what, text, reason, codePoint) => {
    const found = findUnsafeCharacter(text);
    if (reason === null) expect(found).toBeNull();
    else expect(found).toMatchObject({ reason, codePoint });
  });

  it('counts the position in characters, not UTF-16 units', () => {
    expect(findUnsafeCharacter('😀😀\u202E')).toEqual({ reason: 'BIDI_CONTROL', codePoint: 'U+202E', index: 2 });
  });

  it('lets multi-line text keep tabs and line breaks, nothing else', () => {
    expect(findUnsafeCharacter('第一行\r\n\t第二行', { multiline: true })).toBeNull();
    expect(findUnsafeCharacter('a\u000Bb', { multiline: true })).toMatchObject({ reason: 'CONTROL_CHARACTER' });
    expect(findUnsafeCharacter('a\n\u202Eb', { multiline: true })).toMatchObject({ reason: 'BIDI_CONTROL' });
    expect(findUnsafeCharacter('a\u2028b', { multiline: true })).toMatchObject({ reason: 'CONTROL_CHARACTER' });
  });
});

describe('safeTextOrThrow', () => {
  it('returns safe text as it is', () => {
    expect(safeTextOrThrow('memo', '👨‍👩‍👧 午饭')).toBe('👨‍👩‍👧 午饭');
  });

  it('names the field, the character and the reason', () => {
    let error: unknown;
    try {
      safeTextOrThrow('memo', 'abc\u202Edef');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'memo',
      message: 'memo must not contain a text direction control character (U+202E at character 4)',
      details: { reason: 'BIDI_CONTROL', codePoint: 'U+202E', position: 4 },
    });
  });
});

describe('safeTextCheck', () => {
  const schema = z.object({ subject: z.string().check(safeTextCheck()) });

  it('passes safe text and refuses unsafe text on the field', () => {
    expect(schema.safeParse({ subject: '咖啡豆 ×2 ☕' }).success).toBe(true);
    const result = schema.safeParse({ subject: '咖啡\u200B豆' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['subject'],
      message: 'must not contain an invisible formatting character (U+200B at character 3)',
    });
  });

  it('uses the message it is given (an i18n key)', () => {
    const named = z.string().check(safeTextCheck({ message: 'displayNameInvalid' }));
    expect(named.safeParse('a\u202Eb').error!.issues[0]!.message).toBe('displayNameInvalid');
  });
});
