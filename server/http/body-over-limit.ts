// Whether a body stream holds more than `maxBytes`, reading at most maxBytes + one chunk and
// then cancelling. proxy.ts uses it on bodies sent without Content-Length (chunked): Next
// hands the proxy a copy of the body and keeps its own for the page or handler, so reading
// here takes nothing away from them.
export async function isBodyOverLimit(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > maxBytes) return true;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
