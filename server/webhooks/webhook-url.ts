// Where notifications may be sent: http(s) URLs only (no file:, data:, gopher: … that a
// crafted URL could use to reach something other than a web server).
export function isDeliverableWebhookUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}
