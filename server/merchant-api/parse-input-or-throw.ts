// zod at the boundary: the first problem becomes a 422 INVALID_INPUT naming its field.
import type { z } from 'zod';
import { InvalidInputError } from '../core/domain-errors';

/** `rootField` names a value that is not an object (the body, or a path parameter). */
export function parseInputOrThrow<S extends z.ZodType>(schema: S, value: unknown, rootField = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : rootField;
  const message =
    issue.path.length > 0 || rootField !== 'body' ? issue.message : 'The request body must be a JSON object';
  throw new InvalidInputError(
    field,
    message.startsWith(field) || issue.path.length === 0 ? message : `${field}: ${message}`,
  );
}
