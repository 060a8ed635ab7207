-- The bank asks its holder before it links a card or moves money: what it knows of each holder
-- (ID number, phone on file), one-time codes it texts to that phone (kept only as a keyed
-- hash), card bindings the wallet asks for, and the simulated phones' inboxes.

-- 居民身份证号 (18 characters, the last a check digit or X) and the mobile number on file.
-- Customers opened before this migration get a phone of the 170 range (so their debits can
-- still be authorised) and no ID number (so their cards cannot be bound until it is known);
-- the seed then sets its own holders' (sandbox-bank/seed-accounts.ts).
ALTER TABLE sandbox_bank.customers
  ADD COLUMN id_number text CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  ADD COLUMN phone text CHECK (phone ~ '^1[0-9]{10}$');
UPDATE sandbox_bank.customers SET phone = '170' || lpad((abs(hashtext(id::text)::bigint) % 100000000)::text, 8, '0');
ALTER TABLE sandbox_bank.customers ALTER COLUMN phone SET NOT NULL;

-- Debits: the code is no longer kept in plain text (it used to be shown on the page). Dropping
-- the column drops the checks that named it; the debit check comes back without it.
ALTER TABLE sandbox_bank.requests DROP COLUMN auth_code;
ALTER TABLE sandbox_bank.requests
  ADD COLUMN code_hash text CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  ADD COLUMN code_sent_at timestamptz,
  ADD COLUMN code_expires_at timestamptz,
  ADD CONSTRAINT requests_debit_fields CHECK (kind = 'PAYOUT' OR (return_url IS NOT NULL AND expires_at IS NOT NULL AND payee IS NOT NULL));
-- A debit waiting with a plain-text code that no phone received: expired by the worker (with
-- its notice) rather than left unauthorisable for half an hour.
UPDATE sandbox_bank.requests SET expires_at = now() WHERE status = 'AWAITING_AUTHORISATION';

-- 快捷支付 binding: the wallet sends card number, name, ID number and phone; when they all
-- match an open account the bank texts a code, and the binding is confirmed with it.
CREATE TABLE sandbox_bank.card_bindings (
  id uuid PRIMARY KEY,
  -- The wallet's own reference (it names the wallet user); echoed back on confirmation.
  reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
  account_number text NOT NULL REFERENCES sandbox_bank.accounts (account_number),
  status text NOT NULL CHECK (status IN ('AWAITING_CODE', 'CONFIRMED', 'FAILED')),
  failure_reason text CHECK (failure_reason IN ('CODE_EXPIRED', 'TOO_MANY_ATTEMPTS')),
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  code_expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts BETWEEN 0 AND 5),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CHECK ((status = 'AWAITING_CODE') = (completed_at IS NULL)),
  CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);
CREATE INDEX card_bindings_account ON sandbox_bank.card_bindings (account_number, created_at);

-- The simulated phones (手机短信（模拟）): what each phone number received. This is the
-- holder's device, not the bank's books; the bank itself keeps only the codes' hashes.
CREATE TABLE sandbox_bank.phone_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text NOT NULL CHECK (phone ~ '^1[0-9]{10}$'),
  -- Printed in the message and on the page that asks for the code, so the holder can tell
  -- which of several texts is the one asked for (as Chinese banks' 短信序号).
  serial text NOT NULL CHECK (serial ~ '^[0-9]{4}$'),
  body text NOT NULL,
  request_id uuid REFERENCES sandbox_bank.requests (id),
  binding_id uuid REFERENCES sandbox_bank.card_bindings (id),
  sent_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX phone_messages_phone ON sandbox_bank.phone_messages (phone, id DESC);
