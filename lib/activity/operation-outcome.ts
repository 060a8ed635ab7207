// What an operation's end means to the person: the bank reports why a debit it never made
// ended (the customer cancelled it, or nobody authorised it in time). Neither is a failure of
// anything, and no money moved: the activity shows them as 已取消 / 已关闭 in grey, without a
// sign. 失败 (red) stays for what actually failed (declined, insufficient funds, bank errors).
export type OperationOutcome = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'CLOSED';

export function operationOutcome(
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED',
  failureReason: string | null,
): OperationOutcome {
  if (status !== 'FAILED') return status;
  if (failureReason === 'CANCELLED') return 'CANCELLED';
  if (failureReason === 'EXPIRED') return 'CLOSED';
  return 'FAILED';
}

/** Ended without moving money and without anything going wrong: shown without a sign. */
export function endedQuietly(outcome: OperationOutcome): boolean {
  return outcome === 'CANCELLED' || outcome === 'CLOSED';
}
