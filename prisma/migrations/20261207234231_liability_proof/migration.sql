-- CreateTable
CREATE TABLE "liability_proof_roots" (
    "business_date" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "root_hash" TEXT NOT NULL,
    "total_liabilities" BIGINT NOT NULL,
    "leaf_count" INTEGER NOT NULL,
    "previous_date" TEXT,
    "previous_root_hash" TEXT,
    "reserve_balance" BIGINT NOT NULL,
    "difference" BIGINT NOT NULL,
    "signed_root" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "build_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "liability_proof_roots_pkey" PRIMARY KEY ("business_date")
);

-- CreateTable
CREATE TABLE "liability_proof_failures" (
    "id" UUID NOT NULL,
    "business_date" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "liability_proof_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "liability_proof_failures_business_date_created_at_idx" ON "liability_proof_failures"("business_date", "created_at" DESC);

-- Hand-written: a published root is never edited or removed, and a failed build stays as
-- evidence (wallet_refuse_change() comes from the wallet migration).
CREATE TRIGGER liability_proof_roots_append_only BEFORE UPDATE OR DELETE ON "liability_proof_roots" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER liability_proof_roots_no_truncate BEFORE TRUNCATE ON "liability_proof_roots" FOR EACH STATEMENT EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER liability_proof_failures_append_only BEFORE UPDATE OR DELETE ON "liability_proof_failures" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER liability_proof_failures_no_truncate BEFORE TRUNCATE ON "liability_proof_failures" FOR EACH STATEMENT EXECUTE FUNCTION wallet_refuse_change();
