import { describe, expect, it } from 'vitest';
import { isBodyOverLimit } from './body-over-limit';

/** A stream of `count` chunks of `size` bytes that records whether it was cancelled. */
function chunked(count: number, size: number) {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === count) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe('isBodyOverLimit', () => {
  it('is false for no body, an empty one, and one of exactly the limit', async () => {
    expect(await isBodyOverLimit(null, 10)).toBe(false);
    expect(await isBodyOverLimit(chunked(0, 1).stream, 10)).toBe(false);
    expect(await isBodyOverLimit(chunked(5, 2).stream, 10)).toBe(false);
  });

  it('is true one byte past the limit', async () => {
    expect(await isBodyOverLimit(chunked(11, 1).stream, 10)).toBe(true);
  });

  it('stops reading at the chunk that passes the limit and cancels the rest', async () => {
    const body = chunked(1000, 64 * 1024);
    expect(await isBodyOverLimit(body.stream, 1024 * 1024)).toBe(true);
    expect(body.pulled()).toBeLessThanOrEqual(18);
    expect(body.cancelled()).toBe(true);
  });
});
