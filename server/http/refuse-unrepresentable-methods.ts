// TRACE never reaches proxy.ts: Next builds a WHATWG Request for the proxy, and `new
// Request(url, { method: 'TRACE' })` throws ("'TRACE' HTTP method is unsupported"), which Next
// answered with a bare 500 on every path. Node's HTTP server is the only code that sees such a
// request, so this answers it there, at the server's 'request' event, before Next's listener:
// 405 JSON with Allow and the security headers, like the proxy's own 405s. (TRACK and
// unknown methods never get this far: Node's parser answers them 400 itself. CONNECT is a
// 'connect' event, which Next does not listen to, so Node closes the socket.)
import 'server-only';
import http from 'node:http';
import type { ErrorBody } from './error-status';
import { allowedMethods } from './method-policy';
import { isHttpsRequest, newNonce, securityHeaders } from './security-headers';

/** Methods the fetch standard forbids in a Request (CONNECT never arrives as a 'request'). */
const FORBIDDEN_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

export function methodNotAllowedAnswer(method: string, url: string, forwardedProto: string | null, encrypted: boolean) {
  let pathname = '/';
  try {
    pathname = new URL(url, 'http://localhost').pathname;
  } catch {
    // a path URL cannot parse: the page default
  }
  const allow = allowedMethods(pathname).join(', ');
  const answer: ErrorBody = {
    error: { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here; use ${allow}` },
  };
  const body = JSON.stringify(answer);
  const headers: Record<string, string> = {
    ...securityHeaders({
      nonce: newNonce(),
      https: isHttpsRequest(encrypted ? 'https://localhost/' : 'http://localhost/', forwardedProto),
      development: process.env.NODE_ENV === 'development',
    }),
    Allow: allow,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)),
  };
  return { status: 405, headers, body };
}

let installed = false;

/** Once per process (instrumentation.ts): every HTTP server here answers TRACE 405 itself. */
export function refuseUnrepresentableMethods(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const method = request.method?.toUpperCase() ?? '';
      if (FORBIDDEN_METHODS.has(method)) {
        const forwardedProto = request.headers['x-forwarded-proto'];
        const answer = methodNotAllowedAnswer(
          method,
          request.url ?? '/',
          Array.isArray(forwardedProto) ? (forwardedProto[0] ?? null) : (forwardedProto ?? null),
          'encrypted' in request.socket && request.socket.encrypted === true,
        );
        response.writeHead(answer.status, answer.headers).end(answer.body);
        request.resume(); // drain any body so the connection can be reused
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
