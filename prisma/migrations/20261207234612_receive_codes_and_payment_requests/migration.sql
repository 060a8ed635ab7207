-- CreateEnum
CREATE TYPE "PaymentRequestStatus" AS ENUM ('OPEN', 'PAID', 'CANCELLED');

-- CreateTable
CREATE TABLE "receive_codes" (
    "code" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "receive_codes_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "payment_requests" (
    "id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "requester_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "memo" TEXT,
    "status" "PaymentRequestStatus" NOT NULL DEFAULT 'OPEN',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "payer_id" UUID,
    "operation_id" UUID,

    CONSTRAINT "payment_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "receive_codes_user_id_idx" ON "receive_codes"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_requests_token_key" ON "payment_requests"("token");

-- CreateIndex
CREATE UNIQUE INDEX "payment_requests_operation_id_key" ON "payment_requests"("operation_id");

-- CreateIndex
CREATE INDEX "payment_requests_requester_id_created_at_idx" ON "payment_requests"("requester_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "receive_codes" ADD CONSTRAINT "receive_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one active receive code per user (activeReceiveCode's ON CONFLICT names it).
CREATE UNIQUE INDEX "receive_codes_one_active_per_user" ON "receive_codes"("user_id") WHERE "revoked_at" IS NULL;

-- Hand-written: a request's columns agree with its status, whatever code writes them.
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_paid_columns"
  CHECK (("status" = 'PAID') = ("paid_at" IS NOT NULL AND "payer_id" IS NOT NULL AND "operation_id" IS NOT NULL));
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_cancelled_columns"
  CHECK (("status" = 'CANCELLED') = ("cancelled_at" IS NOT NULL));
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_operation_id_fkey"
  FOREIGN KEY ("operation_id") REFERENCES "wallet_operations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
