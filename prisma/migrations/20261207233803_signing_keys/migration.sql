-- CreateTable
CREATE TABLE "signing_keys" (
    "kid" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("kid")
);

-- Hand-written: a published key is never edited or removed (wallet_refuse_change() comes from
-- the wallet migration), so what a signature names can always be checked.
CREATE TRIGGER signing_keys_append_only BEFORE UPDATE OR DELETE ON "signing_keys" FOR EACH ROW EXECUTE FUNCTION wallet_refuse_change();
CREATE TRIGGER signing_keys_no_truncate BEFORE TRUNCATE ON "signing_keys" FOR EACH STATEMENT EXECUTE FUNCTION wallet_refuse_change();
