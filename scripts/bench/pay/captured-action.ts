// A server action's request as the browser sent it (URL, Next-* headers, multipart body), kept
// as a template that the bench fills with other values: a new order, a new idempotency key,
// another customer's cookie. The field names are the page's own (React prefixes FormData
// fields with the argument's index, e.g. `_1_orderId`); a field the bench must change but
// does not find means the page changed, and the bench stops rather than send something else.
import { randomBytes } from 'node:crypto';
import type { BuiltRequest } from './load';

export type CapturedAction = {
  /** Path and query the action was posted to (the page's own path). */
  path: string;
  /** The browser's headers, less those that belong to one connection or one body. */
  headers: Record<string, string>;
  /** The multipart fields, in order. */
  fields: [name: string, value: string][];
};

const PER_REQUEST_HEADERS = new Set(['cookie', 'content-length', 'content-type', 'host', 'connection']);

export function captureFromRequest(
  url: string,
  headers: Record<string, string>,
  body: string,
  contentType: string,
): CapturedAction {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`[bench] the action's body is not multipart (${contentType})`);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!PER_REQUEST_HEADERS.has(name.toLowerCase()) && !name.startsWith(':')) kept[name.toLowerCase()] = value;
  }
  const u = new URL(url);
  return { path: `${u.pathname}${u.search}`, headers: kept, fields: parseMultipart(body, boundary) };
}

function parseMultipart(body: string, boundary: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const part of body.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const name = /name="([^"]*)"/.exec(part.slice(0, headerEnd))?.[1];
    if (name === undefined) continue;
    fields.push([name, part.slice(headerEnd + 4).replace(/\r\n$/, '')]);
  }
  return fields;
}

/** The field's form name without React's argument prefix (`_1_orderId` → `orderId`). */
const formName = (field: string) => field.replace(/^_?\d+_/, '');

/**
 * The captured request with `values` in place of the browser's, for `cookie`: by form name, or
 * by a `{name}` placeholder in the path (see withPathParameter).
 */
export function replayAction(action: CapturedAction, cookie: string, values: Record<string, string>): BuiltRequest {
  const boundary = `----benchpay${randomBytes(8).toString('hex')}`;
  const missing = new Set(Object.keys(values));
  let path = action.path;
  for (const [key, value] of Object.entries(values)) {
    if (!path.includes(`{${key}}`)) continue;
    path = path.replaceAll(`{${key}}`, encodeURIComponent(value));
    missing.delete(key);
  }
  const parts = action.fields.map(([name, value]) => {
    const key = formName(name);
    const replaced = key in values ? values[key]! : value;
    missing.delete(key);
    return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${replaced}\r\n`;
  });
  if (missing.size > 0) throw new Error(`[bench] the captured action has no field ${[...missing].join(', ')}`);
  return {
    method: 'POST',
    path,
    headers: {
      ...action.headers,
      cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: `${parts.join('')}--${boundary}--\r\n`,
  };
}

/**
 * Whether an answer carries an ActionResult with ok: true: a route handler's JSON, or a server
 * action's (React's flight format: `0:{…}` lines). A redirect (no session), an error page or `ok: false` is not.
 */
export function actionSucceeded(status: number, body: string): boolean {
  if (status !== 200) return false;
  // A route handler's answer is the ActionResult as JSON.
  if (body.startsWith('{')) {
    try {
      return (JSON.parse(body) as { ok?: unknown }).ok === true;
    } catch {
      return false;
    }
  }
  for (const line of body.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const value = JSON.parse(m[1]!) as { ok?: unknown };
      if (value.ok === true) return true;
      if (value.ok === false) return false;
    } catch {
      // another row of the payload
    }
  }
  return false;
}

/** The request with a value of its path (e.g. the order id in /pay/<id>/balance) made a `{name}` placeholder. */
export function withPathParameter(action: CapturedAction, value: string, name: string): CapturedAction {
  return { ...action, path: action.path.replaceAll(value, `{${name}}`) };
}
