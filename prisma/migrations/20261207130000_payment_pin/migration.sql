-- The payment PIN (支付密码): a keyed hash with a per-user salt, and its own failure counter
-- and lock, separate from sign-in's. Reset codes for a forgotten PIN are emailed.
ALTER TABLE "users" ADD COLUMN "pin_hash" BYTEA,
ADD COLUMN "pin_salt" BYTEA,
ADD COLUMN "pin_set_at" TIMESTAMPTZ(3),
ADD COLUMN "failed_pin_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "pin_locked_until" TIMESTAMPTZ(3);

ALTER TABLE "users" ADD CONSTRAINT "users_pin_hash_salt_pair"
  CHECK (("pin_hash" IS NULL) = ("pin_salt" IS NULL));

-- CreateTable
CREATE TABLE "pin_reset_codes" (
    "id" UUID NOT NULL DEFAULT uuidv7(),
    "user_id" UUID NOT NULL,
    "code_hash" BYTEA NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pin_reset_codes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pin_reset_codes_user_id_created_at_idx" ON "pin_reset_codes"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "pin_reset_codes" ADD CONSTRAINT "pin_reset_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
