// Bearer secret key → the approved merchant it belongs to; anything else is 401.
import 'server-only';
import type { Db } from '../db';
import type { Merchant } from '../generated/prisma/client';
import { authenticateApiKey } from '../merchants/api-keys';
import { UnauthenticatedError } from './merchant-api-errors';

export async function authenticateMerchantOrThrow(db: Db, request: Request): Promise<Merchant> {
  const merchant = await authenticateApiKey(db, bearerToken(request));
  if (!merchant) throw new UnauthenticatedError();
  return merchant;
}

export function bearerToken(request: Request): string | undefined {
  return /^Bearer +(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}
