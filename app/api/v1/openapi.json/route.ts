// The merchant API's OpenAPI 3.1 document (public, no key needed), built from the zod schemas.
import { appUrl } from '@/server/env';
import { openApiDocument } from '@/server/merchant-api/openapi-document';

// Built per request: the server URL in it is the running app's (APP_URL), not the build's.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(openApiDocument(appUrl()), { headers: { 'access-control-allow-origin': '*' } });
}
