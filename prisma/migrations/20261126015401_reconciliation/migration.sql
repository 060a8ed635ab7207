-- CreateEnum
CREATE TYPE "ReconciliationRunStatus" AS ENUM ('COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReconciliationBreakCategory" AS ENUM ('MISSING_IN_LEDGER', 'MISSING_AT_BANK', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH');

-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "business_date" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "ReconciliationRunStatus" NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_by_id" UUID,
    "bank_line_count" INTEGER NOT NULL DEFAULT 0,
    "ledger_entry_count" INTEGER NOT NULL DEFAULT 0,
    "matched_count" INTEGER NOT NULL DEFAULT 0,
    "other_day_count" INTEGER NOT NULL DEFAULT 0,
    "break_count" INTEGER NOT NULL DEFAULT 0,
    "bank_opening_balance" BIGINT,
    "bank_closing_balance" BIGINT,
    "ledger_opening_balance" BIGINT,
    "ledger_closing_balance" BIGINT,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_breaks" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "business_date" TEXT NOT NULL,
    "category" "ReconciliationBreakCategory" NOT NULL,
    "item_key" TEXT NOT NULL,
    "reference" TEXT,
    "bank_reference" TEXT,
    "operation_id" UUID,
    "operation_kind" TEXT,
    "operation_status" TEXT,
    "ledger_entry_id" UUID,
    "bank_amount" BIGINT,
    "ledger_amount" BIGINT,
    "bank_booked_at" TIMESTAMPTZ(3),
    "ledger_booked_at" TIMESTAMPTZ(3),

    CONSTRAINT "reconciliation_breaks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_resolutions" (
    "id" UUID NOT NULL,
    "business_date" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "break_id" UUID NOT NULL,
    "category" "ReconciliationBreakCategory" NOT NULL,
    "action" TEXT NOT NULL,
    "actor_id" UUID NOT NULL,
    "note" TEXT,
    "ledger_entry_id" UUID,
    "outcome" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconciliation_resolutions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reconciliation_runs_business_date_started_at_idx" ON "reconciliation_runs"("business_date", "started_at" DESC);

-- CreateIndex
CREATE INDEX "reconciliation_runs_started_at_idx" ON "reconciliation_runs"("started_at" DESC);

-- CreateIndex
CREATE INDEX "reconciliation_breaks_run_id_category_idx" ON "reconciliation_breaks"("run_id", "category");

-- CreateIndex
CREATE INDEX "reconciliation_breaks_business_date_item_key_idx" ON "reconciliation_breaks"("business_date", "item_key");

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_resolutions_business_date_item_key_key" ON "reconciliation_resolutions"("business_date", "item_key");

-- AddForeignKey
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "reconciliation_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a business date is a calendar day; amounts of a break are never both missing.
ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_business_date_check" CHECK (business_date ~ '^\d{4}-\d{2}-\d{2}$');
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_amount_check" CHECK (bank_amount IS NOT NULL OR ledger_amount IS NOT NULL);
ALTER TABLE "reconciliation_resolutions" ADD CONSTRAINT "reconciliation_resolutions_action_check" CHECK (action IN ('BOOK_FROM_BANK', 'WRITE_OFF'));
ALTER TABLE "reconciliation_resolutions" ADD CONSTRAINT "reconciliation_resolutions_write_off_note_check" CHECK (action <> 'WRITE_OFF' OR (note IS NOT NULL AND ledger_entry_id IS NOT NULL));

-- Runs, their breaks and resolutions are evidence: written once, never edited or removed
-- (a correction is a new run or a new ledger entry). wallet_refuse_change() is the wallet migration's.
CREATE TRIGGER reconciliation_runs_append_only BEFORE UPDATE OR DELETE ON "reconciliation_runs" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER reconciliation_breaks_append_only BEFORE UPDATE OR DELETE ON "reconciliation_breaks" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER reconciliation_resolutions_append_only BEFORE UPDATE OR DELETE ON "reconciliation_resolutions" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
