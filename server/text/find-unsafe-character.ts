// Free text people and merchants send (memos, subjects, names, reasons, notes) is shown to
// other people, in other people's pages, bills and CSVs. Characters that cannot be seen or
// that reorder what is seen make it lie: U+202E turns "txt.exe" into "exe.txt", a zero-width
// space makes two names look equal, a Hangul filler makes a name look empty. One rule for
// every field, so that what one form refuses no other form lets in.
//
// Refused:
// - control characters (Cc: C0, DEL, C1), line and paragraph separators (Zl, Zp) and lone
//   surrogates (Cs, which PostgreSQL cannot store as UTF-8). Multi-line fields keep \t \n \r;
// - bidirectional controls: U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C;
// - every other invisible format character (Cf: U+200B–200D, U+2060–2064, U+FEFF, U+00AD,
//   the tag characters U+E0000–E007F …) and the invisible fillers that are letters by
//   category but show nothing (U+034F, U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0).
//
// The one exception, U+200D ZERO WIDTH JOINER between two pictographs: that is how emoji
// such as 👨‍👩‍👧 or 👩🏽‍💻 are written, and people put emoji in memos and names. Refusing it
// would refuse ordinary text; allowing it only there keeps it from hiding inside words.
// (Variation selectors such as U+FE0F are marks, not format characters: they stay allowed.)
// Flag tag sequences (🏴 + tags) are refused with the tags: tags can spell hidden ASCII.

export type UnsafeCharacterReason = 'CONTROL_CHARACTER' | 'BIDI_CONTROL' | 'INVISIBLE_CHARACTER';

export type UnsafeCharacter = {
  reason: UnsafeCharacterReason;
  /** The code point as U+XXXX. */
  codePoint: string;
  /** Its position in code points (not UTF-16 units), from 0. */
  index: number;
};

export type TextRules = { multiline?: boolean };

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/u;
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** What may sit between a pictograph and a joiner: the emoji presentation selector and skin tones. */
const EMOJI_MODIFIER = /[\uFE0F\u{1F3FB}-\u{1F3FF}]/u;
const ZWJ = '\u200D';

export function formatCodePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character the rules refuse, or null when the text is safe to store and show. */
export function findUnsafeCharacter(text: string, rules: TextRules = {}): UnsafeCharacter | null {
  const chars = Array.from(text); // by code point: a lone surrogate stays one element
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    const reason = reasonFor(char, chars, i, rules);
    if (reason) return { reason, codePoint: formatCodePoint(char), index: i };
  }
  return null;
}

function reasonFor(char: string, chars: string[], i: number, rules: TextRules): UnsafeCharacterReason | null {
  if (BIDI_CONTROL.test(char)) return 'BIDI_CONTROL';
  if (CONTROL.test(char)) return rules.multiline && LINE_BREAKS_AND_TABS.test(char) ? null : 'CONTROL_CHARACTER';
  if (char === ZWJ) return joinsEmoji(chars, i) ? null : 'INVISIBLE_CHARACTER';
  if (INVISIBLE.test(char)) return 'INVISIBLE_CHARACTER';
  return null;
}

/** A joiner with a pictograph (maybe with its selector or skin tone) before and a pictograph after. */
function joinsEmoji(chars: string[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && EMOJI_MODIFIER.test(chars[before]!)) before -= 1;
  const next = chars[i + 1];
  return before >= 0 && PICTOGRAPH.test(chars[before]!) && next !== undefined && PICTOGRAPH.test(next);
}

/** What is wrong, for an API client or a log: "must not contain … (U+202E at character 4)". */
export function describeUnsafeCharacter(found: UnsafeCharacter): string {
  const what =
    found.reason === 'BIDI_CONTROL'
      ? 'a text direction control character'
      : found.reason === 'CONTROL_CHARACTER'
        ? 'a control character'
        : 'an invisible formatting character';
  return `must not contain ${what} (${found.codePoint} at character ${found.index + 1})`;
}
