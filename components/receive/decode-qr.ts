'use client';

// Reading a QR code from pixels with jsQR (pure JavaScript: no WebAssembly or worker for the
// CSP to allow), loaded only when the person starts scanning, so no page carries it up front.

const MAX_SIDE = 800;

/** Draws the source scaled to at most MAX_SIDE on a side and reads a QR code from it, or null. */
export async function decodeQr(
  source: CanvasImageSource,
  width: number,
  height: number,
  canvas: HTMLCanvasElement,
  thorough = false,
): Promise<string | null> {
  if (width === 0 || height === 0) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const { default: jsQR } = await import('jsqr');
  const found = jsQR(pixels.data, pixels.width, pixels.height, {
    inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert',
  });
  return found?.data ?? null;
}
