// The days' roots form a hash chain: each names the previous day's root hash. A rewritten
// day breaks the link of the day after it.
export type ChainLink = { day: string; rootHash: string; previousDay: string | null; previousRootHash: string | null };

/** The days (oldest first) whose link to the day before does not hold; empty when the chain is whole. */
export function brokenLinks(links: readonly ChainLink[]): string[] {
  const sorted = [...links].sort((a, b) => (a.day < b.day ? -1 : 1));
  const broken: string[] = [];
  sorted.forEach((link, i) => {
    const before = sorted[i - 1];
    const expectedDay = before?.day ?? null;
    const expectedHash = before?.rootHash ?? null;
    if (link.previousDay !== expectedDay || link.previousRootHash !== expectedHash) broken.push(link.day);
  });
  return broken;
}
