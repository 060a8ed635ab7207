// `npm run icons`: renders the brand mark (scripts/icons/brand-mark.ts) to the committed icon
// files with the same Chromium the e2e tests use. Run it again after changing the mark.
//   app/icon.svg            the favicon for browsers that take SVG
//   app/favicon.ico         32 × 32 PNG inside an ICO, for the rest (and /favicon.ico requests)
//   app/apple-icon.png      180 × 180, full bleed (iOS rounds it)
//   public/icons/icon-192.png, icon-512.png    the manifest's icons
//   public/icons/maskable-512.png              the manifest's maskable icon (¥ inside the safe zone)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { brandMarkSvg } from './brand-mark';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

type Png = { path: string; size: number; svg: string };

const pngs: Png[] = [
  { path: 'app/apple-icon.png', size: 180, svg: brandMarkSvg({ shape: 'full', scale: 0.8 }) },
  { path: 'public/icons/icon-192.png', size: 192, svg: brandMarkSvg({ shape: 'rounded' }) },
  { path: 'public/icons/icon-512.png', size: 512, svg: brandMarkSvg({ shape: 'rounded' }) },
  // The safe zone is the centred circle of 80% diameter; the ¥ at 70% stays well inside it.
  { path: 'public/icons/maskable-512.png', size: 512, svg: brandMarkSvg({ shape: 'full', scale: 0.7 }) },
];

/** An ICO file holding one PNG image (allowed since Windows Vista; every browser reads it). */
function icoOfPng(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6); // width
  header.writeUInt8(size >= 256 ? 0 : size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // image size
  header.writeUInt32LE(header.length, 18); // image offset
  return Buffer.concat([header, png]);
}

const browser = await chromium.launch({
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const render = async (svg: string, size: number) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  mkdirSync('public/icons', { recursive: true });
  writeFileSync('app/icon.svg', `${brandMarkSvg({ shape: 'rounded' })}\n`);
  for (const { path, size, svg } of pngs) writeFileSync(path, await render(svg, size));
  writeFileSync('app/favicon.ico', icoOfPng(await render(brandMarkSvg({ shape: 'rounded' }), 32), 32));
  console.log('icons written');
} finally {
  await browser.close();
}
