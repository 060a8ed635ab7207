// A Merkle sum tree over leaves in the order given: level 0 is the leaves, each next level
// pairs neighbours (the pad node completes an odd level), the last level is the root. A
// proof of one leaf is its siblings' hashes and sums from the bottom up, nothing else.
import { PAD_NODE, parentNode, type SumNode } from './sum-tree-encoding';

export type SumTree = { levels: SumNode[][]; root: SumNode; leafCount: number };
export type PathStep = { side: 'left' | 'right'; hash: Uint8Array; sum: bigint };

export function buildSumTree(leaves: readonly SumNode[]): SumTree {
  if (leaves.length === 0) return { levels: [[]], root: PAD_NODE, leafCount: 0 };
  const levels: SumNode[][] = [leaves.slice()];
  let level = levels[0]!;
  while (level.length > 1) {
    const next: SumNode[] = new Array<SumNode>(Math.ceil(level.length / 2));
    for (let i = 0; i < level.length; i += 2) next[i / 2] = parentNode(level[i]!, level[i + 1] ?? PAD_NODE);
    levels.push(next);
    level = next;
  }
  return { levels, root: level[0]!, leafCount: leaves.length };
}

/** The siblings of leaf `index` from the bottom up (`side`: where the sibling sits). */
export function pathOf(tree: SumTree, index: number): PathStep[] {
  if (!Number.isInteger(index) || index < 0 || index >= tree.leafCount) throw new RangeError('no such leaf');
  const path: PathStep[] = [];
  let i = index;
  for (const level of tree.levels.slice(0, -1)) {
    const isLeft = i % 2 === 0;
    const sibling = (isLeft ? level[i + 1] : level[i - 1]) ?? PAD_NODE;
    path.push({ side: isLeft ? 'right' : 'left', hash: sibling.hash, sum: sibling.sum });
    i = Math.floor(i / 2);
  }
  return path;
}

/** How many steps every proof of a tree of `leafCount` leaves has. */
export function pathLength(leafCount: number): number {
  return leafCount <= 1 ? 0 : Math.ceil(Math.log2(leafCount));
}

/** The root a leaf and its path lead to. */
export function rootFromPath(leaf: SumNode, path: readonly PathStep[]): SumNode {
  return path.reduce<SumNode>((node, s) => (s.side === 'left' ? parentNode(s, node) : parentNode(node, s)), leaf);
}
