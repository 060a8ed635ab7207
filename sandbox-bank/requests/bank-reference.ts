// Identifiers the bank makes up: its own reference for every request and movement.
import { randomBytes } from 'node:crypto';
import { shanghaiDate } from '../time/shanghai-time';

// Crockford's base32 without I, L, O, U: nothing to misread when a person copies it.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "SB20261125" + 12 random base32 characters (60 bits): unique in practice, UNIQUE in the table. */
export function newBankReference(now = new Date()): string {
  const bytes = randomBytes(12);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b & 31];
  return `SB${shanghaiDate(now).replaceAll('-', '')}${suffix}`;
}

export const BANK_REFERENCE_PATTERN = /^SB\d{8}[0-9A-HJKMNP-TV-Z]{12}$/;
