-- Rotating a merchant's webhook secret no longer breaks its endpoint at once: for 24 hours
-- after a rotation every notification carries a second v1 signature made with the previous
-- secret (the way Stripe rolls endpoint secrets), so the merchant can deploy the new secret
-- without losing notifications in between. Both columns are set together or not at all.
ALTER TABLE "merchants" ADD COLUMN "previous_webhook_secret" TEXT,
ADD COLUMN "previous_webhook_secret_expires_at" TIMESTAMPTZ(3);

ALTER TABLE "merchants" ADD CONSTRAINT "merchants_previous_webhook_secret_pair"
  CHECK (("previous_webhook_secret" IS NULL) = ("previous_webhook_secret_expires_at" IS NULL));
