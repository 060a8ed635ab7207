import { describe, expect, it } from 'vitest';
import { webAppManifest, webAppManifestUrl } from './web-app-manifest';

describe('the web app manifest', () => {
  const zh = webAppManifest('zh-CN', { name: '钱包', shortName: '钱包', description: '安全、便捷的数字钱包' });

  it('names the app in the language asked for, and says which language that is', () => {
    expect(zh).toMatchObject({ name: '钱包', short_name: '钱包', lang: 'zh-CN' });
    const en = webAppManifest('en', { name: 'Wallet', shortName: 'Wallet', description: 'x' });
    expect(en).toMatchObject({ name: 'Wallet', lang: 'en' });
  });

  it('installs as a standalone app opening the wallet home, with the brand colour', () => {
    expect(zh).toMatchObject({ start_url: '/', scope: '/', id: '/', display: 'standalone', theme_color: '#0958d9' });
  });

  it('has the icons a launcher needs: 192 and 512 px, and a maskable one', () => {
    const icons = zh.icons ?? [];
    expect(icons.filter((i) => i.purpose === 'any').map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    expect(icons.find((i) => i.purpose === 'maskable')).toMatchObject({ sizes: '512x512', type: 'image/png' });
  });

  it('is addressed per language', () => {
    expect(webAppManifestUrl('en')).toBe('/app.webmanifest?lang=en');
  });
});
