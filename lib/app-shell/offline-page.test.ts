import { describe, expect, it } from 'vitest';
import { offlinePageUrl, pickOfflineLocale, staticAssetUrls } from './offline-page';

describe('the offline page', () => {
  it('has one address per language', () => {
    expect(offlinePageUrl('zh-CN')).toBe('/offline?lang=zh-CN');
    expect(offlinePageUrl('en')).toBe('/offline?lang=en');
  });

  it('speaks the language of the cookie, Chinese when there is none or it is unknown', () => {
    expect(pickOfflineLocale('en')).toBe('en');
    expect(pickOfflineLocale('zh-CN')).toBe('zh-CN');
    expect(pickOfflineLocale(undefined)).toBe('zh-CN');
    expect(pickOfflineLocale('fr')).toBe('zh-CN');
  });

  it('finds the build files a page loads, once each, and nothing else', () => {
    const html = [
      '<link rel="stylesheet" href="/_next/static/chunks/a1b2.css" data-precedence="next"/>',
      '<link rel="preload" href="/_next/static/media/font.p.woff2" as="font"/>',
      '<script src="/_next/static/chunks/main-app.js" async=""></script>',
      '<script src="/_next/static/chunks/main-app.js" async=""></script>',
      '<link rel="icon" href="/icon.svg?x=1"/>',
      '<a href="/activity">x</a>',
      '<script>self.__next_f.push([1,"\\"/_next/static/chunks/lazy.js\\""])</script>',
    ].join('');
    expect(staticAssetUrls(html)).toEqual([
      '/_next/static/chunks/a1b2.css',
      '/_next/static/media/font.p.woff2',
      '/_next/static/chunks/main-app.js',
    ]);
  });
});
