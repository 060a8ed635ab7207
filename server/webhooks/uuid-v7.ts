// UUIDv7 (RFC 9562) made in code: a webhook event's id goes into its body, which is written
// in the same INSERT, so the id must be known before the row exists. Ids made by this process
// increase strictly (a 12-bit counter within one millisecond, RFC 9562 method 1), so lists
// ordered by (created_at, id) keep the order events were recorded in.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function uuidv7(nowMs = Date.now()): string {
  let ms = nowMs;
  if (ms > lastMs) {
    counter = 0;
  } else {
    ms = lastMs; // same millisecond, or the clock stepped back
    counter += 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  }
  lastMs = ms;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6); // 48-bit Unix milliseconds
  bytes[6] = 0x70 | (counter >> 8); // version 7, counter high bits
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
