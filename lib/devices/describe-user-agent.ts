// A session's browser and system in words people recognise ("Chrome 131 · Linux"), from the
// User-Agent stored at sign-in. bowser (MIT, no dependencies) does the parsing.
import Bowser from 'bowser';

export type DeviceKind = 'mobile' | 'tablet' | 'desktop' | 'other';
export type DeviceDescription = { browser: string | null; os: string | null; kind: DeviceKind };

const KINDS: Record<string, DeviceKind> = { mobile: 'mobile', tablet: 'tablet', desktop: 'desktop' };

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent || !userAgent.trim()) return { browser: null, os: null, kind: 'other' };
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split('.')[0];
  const browser = parsed.browser.name ? [parsed.browser.name, major].filter(Boolean).join(' ') : null;
  // "Windows 10", not "Windows NT 10.0"; Android's and iOS's numbers are what people know.
  const osVersion =
    parsed.os.name === 'Android' || parsed.os.name === 'iOS'
      ? parsed.os.version
      : (parsed.os.versionName ?? parsed.os.version);
  const os = parsed.os.name ? [parsed.os.name, osVersion].filter(Boolean).join(' ') : null;
  return { browser, os, kind: KINDS[parsed.platform.type ?? ''] ?? 'other' };
}
