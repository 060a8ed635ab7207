// Whether each published root's stored signature checks out against the published keys and
// signs exactly the row's root, total, account count and previous-day link (what /proof shows).
import 'server-only';
import { PROOF_ROOT_FORMAT, PROOF_ROOT_JWS_TYPE, type SignedProofRoot } from '@/lib/liability-proof/liability-proof';
import type { JWK } from 'jose';
import { verifySignedDocument } from '@/lib/signing/verify-signed-document';
import { db } from '../db';
import { publishedSigningKeys } from '../signing/published-signing-keys';
import type { ProofRootView } from './read-proof-roots';

export async function rootSignatureStatus(roots: readonly ProofRootView[]): Promise<Map<string, boolean>> {
  if (roots.length === 0) return new Map();
  // Without a current key configured, the keys already published still check old roots.
  const keys = await publishedSigningKeys().catch(async () => ({
    keys: (await db().signingKey.findMany()).map((r) => r.publicJwk as JWK),
  }));
  const out = new Map<string, boolean>();
  for (const root of roots) {
    const verified = await verifySignedDocument(root.signedRoot, keys, PROOF_ROOT_JWS_TYPE);
    const doc = verified.ok ? (verified.document as Partial<SignedProofRoot>) : null;
    out.set(
      root.date,
      doc !== null &&
        doc.format === PROOF_ROOT_FORMAT &&
        doc.day === root.date &&
        doc.rootHash === root.rootHash &&
        doc.totalLiabilities === root.totalLiabilities.toString() &&
        doc.leafCount === root.leafCount &&
        doc.previousRootHash === root.previousRootHash &&
        doc.reserveBalance === root.reserveBalance.toString(),
    );
  }
  return out;
}
