-- CreateEnum
CREATE TYPE "OperationKind" AS ENUM ('TOP_UP', 'WITHDRAWAL', 'TRANSFER');

-- CreateEnum
CREATE TYPE "OperationStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "bank_accounts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "account_number" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "bank_name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "bank_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wallet_operations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "OperationKind" NOT NULL,
    "status" "OperationStatus" NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "fee" BIGINT NOT NULL DEFAULT 0,
    "bank_account_id" UUID,
    "counterparty_user_id" UUID,
    "memo" TEXT,
    "bank_reference" TEXT,
    "failure_reason" TEXT,
    "ledger_entry_id" UUID,
    "hold_id" UUID,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "wallet_operations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operation_events" (
    "id" UUID NOT NULL,
    "operation_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "operation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "operation_id" UUID,
    "params" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_notice_log" (
    "id" UUID NOT NULL,
    "notice_id" TEXT,
    "reference" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "body" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_notice_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bank_accounts_user_id_idx" ON "bank_accounts"("user_id");

-- CreateIndex
CREATE INDEX "wallet_operations_user_id_created_at_id_idx" ON "wallet_operations"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "wallet_operations_counterparty_user_id_created_at_id_idx" ON "wallet_operations"("counterparty_user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "wallet_operations_status_kind_created_at_idx" ON "wallet_operations"("status", "kind", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "wallet_operations_user_id_idempotency_key_key" ON "wallet_operations"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "operation_events_operation_id_created_at_idx" ON "operation_events"("operation_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_id_idx" ON "notifications"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "bank_notice_log_reference_idx" ON "bank_notice_log"("reference");

-- AddForeignKey
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_operations" ADD CONSTRAINT "wallet_operations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_operations" ADD CONSTRAINT "wallet_operations_bank_account_id_fkey" FOREIGN KEY ("bank_account_id") REFERENCES "bank_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_events" ADD CONSTRAINT "operation_events_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "wallet_operations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the schema cannot say.
-- One active link per user and account number, and at most one default per user.
CREATE UNIQUE INDEX "bank_accounts_active_number_key" ON "bank_accounts"("user_id", "account_number") WHERE "removed_at" IS NULL;
CREATE UNIQUE INDEX "bank_accounts_one_default_key" ON "bank_accounts"("user_id") WHERE "is_default" AND "removed_at" IS NULL;

ALTER TABLE "wallet_operations"
  ADD CONSTRAINT "wallet_operations_amount_positive" CHECK ("amount" > 0 AND "amount" <= 1000000000000000),
  ADD CONSTRAINT "wallet_operations_fee_non_negative" CHECK ("fee" >= 0),
  ADD CONSTRAINT "wallet_operations_transfer_has_counterparty" CHECK ("kind" <> 'TRANSFER' OR ("counterparty_user_id" IS NOT NULL AND "counterparty_user_id" <> "user_id"));

-- An outcome never arrives twice: an operation leaves PENDING once, and its money fields never change.
CREATE FUNCTION wallet_operation_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'PENDING' AND NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION 'wallet operation % is already %', OLD.id, OLD.status USING ERRCODE = 'WB001';
  END IF;
  IF NEW.amount <> OLD.amount OR NEW.fee <> OLD.fee OR NEW.currency <> OLD.currency OR NEW.user_id <> OLD.user_id
     OR NEW.kind <> OLD.kind OR NEW.idempotency_key <> OLD.idempotency_key THEN
    RAISE EXCEPTION 'wallet operation % money fields are immutable', OLD.id USING ERRCODE = 'WB002';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER wallet_operations_guard BEFORE UPDATE ON "wallet_operations" FOR EACH ROW EXECUTE FUNCTION wallet_operation_guard();

-- Timelines and the notice log are evidence: append-only.
CREATE FUNCTION wallet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'WB003';
END $$;
CREATE TRIGGER operation_events_append_only BEFORE UPDATE OR DELETE ON "operation_events" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER bank_notice_log_append_only BEFORE UPDATE OR DELETE ON "bank_notice_log" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
