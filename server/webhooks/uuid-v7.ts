// UUIDv7 (RFC 9562) made in code: a webhook event's id goes into its body, which is written
// in the same INSERT, so the id must be known before the row exists.
import { randomBytes } from 'node:crypto';

export function uuidv7(nowMs = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6); // 48-bit Unix milliseconds: ids sort by creation time
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
