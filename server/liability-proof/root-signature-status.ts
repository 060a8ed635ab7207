// Whether each published root's stored signature checks out against the published keys and
// signs exactly the row's root, total, account count and previous-day link (what /proof shows).
import 'server-only';
import { PROOF_ROOT_FORMAT, PROOF_ROOT_JWS_TYPE, type SignedProofRoot } from '@/lib/liability-proof/liability-proof';
import { verifySignedDocument } from '@/lib/signing/verify-signed-document';
import { publishedSigningKeys } from '../signing/published-signing-keys';
import type { ProofRootView } from './read-proof-roots';

export async function rootSignatureStatus(roots: readonly ProofRootView[]): Promise<Map<string, boolean>> {
  const keys = await publishedSigningKeys();
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
