// The secrets a notification is signed with: the merchant's current one and, for a while
// after a rotation (merchants/update-merchant-webhook.ts), the one it replaced. Each gives a
// v1 in the Wallet-Signature header; the receiver needs only one to match.

export type MerchantSigningSecrets = {
  webhookSecret: string;
  previousWebhookSecret: string | null;
  previousWebhookSecretExpiresAt: Date | null;
};

/** The current secret, then the previous one while it has not expired. */
export function webhookSigningSecrets(merchant: MerchantSigningSecrets, now = new Date()): string[] {
  const { webhookSecret, previousWebhookSecret, previousWebhookSecretExpiresAt } = merchant;
  if (
    previousWebhookSecret !== null &&
    previousWebhookSecretExpiresAt !== null &&
    previousWebhookSecretExpiresAt > now
  ) {
    return [webhookSecret, previousWebhookSecret];
  }
  return [webhookSecret];
}
