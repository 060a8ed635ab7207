// What the public /proof page, the user's 余额证明 page and the admin read: the chain of roots
// (newest first, with any broken link named) and the admin's alerts (failed builds of days
// that still have no root; days whose reserve fell short of liabilities).
import 'server-only';
import { brokenLinks } from '@/lib/liability-proof/root-chain';
import type { Db } from '../db';

export type ProofRootView = {
  date: string;
  currency: string;
  rootHash: string;
  totalLiabilities: bigint;
  leafCount: number;
  previousDate: string | null;
  previousRootHash: string | null;
  reserveBalance: bigint;
  difference: bigint;
  signedRoot: string;
  kid: string;
  createdAt: Date;
  /** false when this root does not name the day before it in the chain. */
  linkHolds: boolean;
};

export async function listProofRoots(db: Db, limit = 60): Promise<ProofRootView[]> {
  const rows = await db.liabilityProofRoot.findMany({ orderBy: { businessDate: 'desc' }, take: limit + 1 });
  // The oldest row shown is checked against the one before it, fetched as the extra row.
  const broken = new Set(
    brokenLinks(
      rows.map((r) => ({
        day: r.businessDate,
        rootHash: r.rootHash,
        previousDay: r.previousDate,
        previousRootHash: r.previousRootHash,
      })),
    ),
  );
  const shown = rows.slice(0, limit);
  return shown.map((r) => ({
    date: r.businessDate,
    currency: r.currency,
    rootHash: r.rootHash,
    totalLiabilities: r.totalLiabilities,
    leafCount: r.leafCount,
    previousDate: r.previousDate,
    previousRootHash: r.previousRootHash,
    reserveBalance: r.reserveBalance,
    difference: r.difference,
    signedRoot: r.signedRoot,
    kid: r.kid,
    createdAt: r.createdAt,
    linkHolds: !broken.has(r.businessDate),
  }));
}

export type ProofAlerts = {
  failedBuilds: { date: string; error: string; at: Date }[];
  shortfalls: { date: string; difference: bigint }[];
};

export async function listProofAlerts(db: Db, days = 31): Promise<ProofAlerts> {
  const since = new Date(Date.now() - days * 86_400_000);
  const failures = await db.liabilityProofFailure.findMany({
    where: { createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
  });
  const failedDays = [...new Set(failures.map((f) => f.businessDate))];
  const built = new Set(
    (
      await db.liabilityProofRoot.findMany({
        where: { businessDate: { in: failedDays } },
        select: { businessDate: true },
      })
    ).map((r) => r.businessDate),
  );
  const failedBuilds = failedDays
    .filter((d) => !built.has(d))
    .map((d) => failures.find((f) => f.businessDate === d)!)
    .map((f) => ({ date: f.businessDate, error: f.error, at: f.createdAt }));
  const short = await db.liabilityProofRoot.findMany({
    where: { difference: { lt: 0n } },
    orderBy: { businessDate: 'desc' },
    take: 31,
    select: { businessDate: true, difference: true },
  });
  return { failedBuilds, shortfalls: short.map((r) => ({ date: r.businessDate, difference: r.difference })) };
}
