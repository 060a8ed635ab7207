import QRCode from 'qrcode';

/**
 * A QR code of one of the wallet's pay links, drawn on the server as SVG (no script, no
 * canvas), large and high-contrast so a phone reads it from a screen at arm's length.
 */
export async function LinkQr({
  url,
  alt,
  size = 240,
  className,
  testId,
}: {
  url: string;
  alt: string;
  size?: number;
  className?: string;
  testId?: string;
}) {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#111827', light: '#ffffff' },
  });
  return (
    // A data URL: the SVG is the library's output, not ours to inline into the page's DOM.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
      alt={alt}
      width={size}
      height={size}
      className={className}
      data-testid={testId}
      data-url={url}
    />
  );
}
