-- The merchant's daily bill (server/merchants/daily-bill.ts) reads one Asia/Shanghai day of a
-- merchant's paid orders (paid_at), refunds (created_at) and settled payouts (completed_at).
-- No index led with merchant_id and that time, so every bill read all of the merchant's
-- orders and refunds, and every succeeded payout of every merchant (or the whole table).
-- One (merchant_id, time) index per table makes each read a range scan of that one day
-- (`npm run bench:bill` measures it).

-- CreateIndex
CREATE INDEX "orders_merchant_id_paid_at_idx" ON "orders"("merchant_id", "paid_at");

-- CreateIndex
CREATE INDEX "refunds_merchant_id_created_at_idx" ON "refunds"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "wallet_operations_merchant_id_completed_at_idx" ON "wallet_operations"("merchant_id", "completed_at");
