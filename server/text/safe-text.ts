// The shared text rule (find-unsafe-character.ts) at the two kinds of boundary: form fields
// (InvalidInputError naming the field, with the reason for the form's translated sentence)
// and zod schemas (the merchant API, sign-up: the issue names the field).
import { z } from 'zod';
import { InvalidInputError } from '../core/domain-errors';
import { describeUnsafeCharacter, findUnsafeCharacter, type TextRules } from './find-unsafe-character';

/** The text itself, or INVALID_INPUT on `field` with details { reason, codePoint, position (from 1) }. */
export function safeTextOrThrow(field: string, text: string, rules: TextRules = {}): string {
  const found = findUnsafeCharacter(text, rules);
  if (found)
    throw new InvalidInputError(field, `${field} ${describeUnsafeCharacter(found)}`, {
      reason: found.reason,
      codePoint: found.codePoint,
      position: found.index + 1,
    });
  return text;
}

/**
 * A zod check for string schemas: `z.string().check(safeTextCheck())`. The issue says what is
 * wrong (parseInputOrThrow puts the field's name before it), or `message` when given (the
 * sign-up form's i18n key).
 */
export function safeTextCheck(options: TextRules & { message?: string } = {}) {
  return z.superRefine<string>((text, ctx) => {
    const found = findUnsafeCharacter(text, options);
    if (!found) return;
    ctx.addIssue({
      code: 'custom',
      message: options.message ?? describeUnsafeCharacter(found),
      params: { reason: found.reason },
    });
  });
}
