// Bearer secret key → the approved merchant it belongs to; anything else is 401.
import type { Db } from '../db';
import type { Merchant } from '../generated/prisma/client';
import { authenticateApiKey } from '../merchants/api-keys';
import { UnauthenticatedError } from './merchant-api-errors';

export async function authenticateMerchantOrThrow(db: Db, request: Request): Promise<Merchant> {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  const merchant = match ? await authenticateApiKey(db, match[1]) : null;
  if (!merchant) throw new UnauthenticatedError();
  return merchant;
}
