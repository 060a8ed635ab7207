// Any other path under /api/v1 answers the API's JSON 404, not the site's HTML page.
import { NotFoundError } from '@/server/core/domain-errors';
import { errorAnswer, toResponse } from '@/server/merchant-api/api-answer';

function notFound(): Response {
  return toResponse(errorAnswer(new NotFoundError('Endpoint')));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
