// The limits to show beside a form: per operation, and what is left of today's.
import 'server-only';
import { DEFAULT_CURRENCY } from '@/ledger';
import type { Db } from '../../db';
import type { OperationKind } from '../../generated/prisma/client';
import { walletConfig } from '../../config/wallet-config';
import { usedToday } from './begin-operation';

export type LimitsView = { perOperation: bigint; remainingToday: bigint };

export async function getLimitsView(
  db: Db,
  userId: string,
  kind: Exclude<OperationKind, 'REFUND'>,
): Promise<LimitsView> {
  const limits = walletConfig().limits[kind];
  const used = await usedToday(db, userId, kind, DEFAULT_CURRENCY);
  return { perOperation: limits.perOperation, remainingToday: limits.perDay > used ? limits.perDay - used : 0n };
}
