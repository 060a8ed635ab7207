// The wallet's brand mark: a white ¥ on the brand blue, drawn with strokes (no font, so it looks
// the same everywhere). One source for the favicon, the app icons and the maskable icon;
// `npm run icons` renders the PNGs from it (scripts/icons/render-icons.ts).

export const BRAND_BLUE = '#0958d9';

/** The ¥ strokes in a 100 × 100 box, centred. */
const YEN = [
  'M33 24 L50 48 L67 24', // the two arms meeting in the middle
  'M50 48 L50 78', // the stem
  'M35 54 L65 54', // the upper bar
  'M35 66 L65 66', // the lower bar
];

/**
 * The mark as SVG. `shape` 'rounded' is the favicon and the ordinary app icon (a rounded square
 * on transparency); 'full' fills the square edge to edge (Apple's touch icon, which iOS rounds
 * itself, and the maskable icon, whose outer 20% a launcher may crop: `scale` shrinks the ¥ into
 * the safe circle).
 */
export function brandMarkSvg({ shape, scale = 1 }: { shape: 'rounded' | 'full'; scale?: number }): string {
  const background =
    shape === 'rounded'
      ? `<rect width="100" height="100" rx="22" fill="${BRAND_BLUE}"/>`
      : `<rect width="100" height="100" fill="${BRAND_BLUE}"/>`;
  const offset = (100 - 100 * scale) / 2;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    background,
    `<g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round">`,
    ...YEN.map((d) => `<path d="${d}"/>`),
    '</g>',
    '</svg>',
  ].join('');
}
