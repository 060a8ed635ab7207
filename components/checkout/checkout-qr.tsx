import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';

/**
 * A QR code of this checkout's own address, drawn on the server as SVG (no script, no
 * canvas): scanning it opens the same page on a phone.
 */
export async function CheckoutQr({ url, className }: { url: string; className?: string }) {
  const t = await getTranslations('checkout');
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
    color: { dark: '#111827', light: '#ffffff' },
  });
  return (
    // A data URL: the SVG is the library's output, not ours to inline into the page's DOM.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
      alt={t('qrAlt')}
      width={176}
      height={176}
      className={className}
      data-testid="checkout-qr"
      data-url={url}
    />
  );
}
