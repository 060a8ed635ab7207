// The ledger's own idempotency key for the entry that settles an operation: whichever path
// settles it (form, bank notice, status query), the entry is booked once.
export const settlementKey = (operation: { id: string }) => `operation:${operation.id}:settle`;
