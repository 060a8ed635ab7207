-- The sandbox bank's own books, in its own schema (the wallet's Prisma schema never sees it).
-- Money is BIGINT minor units (fen). The database defends the books on its own:
-- no account below zero, movements append-only, each movement's balance_after equal to
-- the account's balance, and a finished request never changes its outcome.

CREATE TABLE sandbox_bank.customers (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_bank.accounts (
  account_number text PRIMARY KEY CHECK (account_number ~ '^[0-9]{16,19}$'),
  customer_id uuid NOT NULL REFERENCES sandbox_bank.customers (id),
  kind text NOT NULL CHECK (kind IN ('CUSTOMER', 'RESERVE')),
  currency text NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
  balance bigint NOT NULL DEFAULT 0 CONSTRAINT accounts_balance_not_negative CHECK (balance >= 0),
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- What the wallet asked for: debits the customer authorises, payouts from the reserve.
CREATE TABLE sandbox_bank.requests (
  id uuid PRIMARY KEY,
  reference text NOT NULL CONSTRAINT requests_reference_key UNIQUE,
  bank_reference text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('DEBIT', 'PAYOUT')),
  status text NOT NULL CHECK (status IN ('AWAITING_AUTHORISATION', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
  failure_reason text CHECK (failure_reason IN ('DECLINED', 'INSUFFICIENT_FUNDS', 'CANCELLED', 'EXPIRED', 'ACCOUNT_NOT_FOUND', 'NAME_MISMATCH')),
  account_number text NOT NULL,
  holder_name text,
  amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000000),
  currency text NOT NULL,
  payee text,
  description text NOT NULL DEFAULT '',
  return_url text,
  notify_url text NOT NULL,
  -- Idempotency: the same reference with another body is refused; the same body gets `response`.
  body_hash text NOT NULL,
  response_status integer,
  response json, -- json, not jsonb: a replay returns the first answer byte for byte
  -- Debits: the one-time code (plain: it is shown on the sandbox page anyway) and wrong tries.
  auth_code text CHECK (auth_code ~ '^[0-9]{6}$'),
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts BETWEEN 0 AND 5),
  expires_at timestamptz,
  -- Payouts held back by DELAY_NOTICE: completed by the worker at this time.
  process_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
  CHECK ((status IN ('SUCCEEDED', 'FAILED')) = (completed_at IS NOT NULL)),
  CHECK (kind = 'PAYOUT' OR (auth_code IS NOT NULL AND return_url IS NOT NULL AND expires_at IS NOT NULL AND payee IS NOT NULL)),
  CHECK (kind = 'DEBIT' OR holder_name IS NOT NULL),
  CHECK (status <> 'AWAITING_AUTHORISATION' OR kind = 'DEBIT'),
  CHECK (status <> 'PROCESSING' OR kind = 'PAYOUT')
);
CREATE INDEX requests_awaiting_expiry ON sandbox_bank.requests (expires_at) WHERE status = 'AWAITING_AUTHORISATION';
CREATE INDEX requests_processing_due ON sandbox_bank.requests (process_at) WHERE status = 'PROCESSING';

-- An outcome is final: a SUCCEEDED or FAILED request never changes status again.
CREATE FUNCTION sandbox_bank.requests_outcome_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('SUCCEEDED', 'FAILED') AND (NEW.status IS DISTINCT FROM OLD.status
      OR NEW.failure_reason IS DISTINCT FROM OLD.failure_reason) THEN
    RAISE EXCEPTION 'sandbox bank: request % is already %', OLD.reference, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER requests_outcome_is_final BEFORE UPDATE ON sandbox_bank.requests
  FOR EACH ROW EXECUTE FUNCTION sandbox_bank.requests_outcome_is_final();

-- Every change of a balance, with its bank reference and the balances after it.
-- DEPOSIT is money paid in over the counter (the seed's opening balances): no from_account.
CREATE TABLE sandbox_bank.movements (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bank_reference text NOT NULL CONSTRAINT movements_bank_reference_key UNIQUE,
  request_id uuid CONSTRAINT movements_request_id_key UNIQUE REFERENCES sandbox_bank.requests (id),
  kind text NOT NULL CHECK (kind IN ('DEPOSIT', 'DEBIT', 'PAYOUT')),
  from_account text REFERENCES sandbox_bank.accounts (account_number),
  to_account text NOT NULL REFERENCES sandbox_bank.accounts (account_number),
  amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000000),
  from_balance_after bigint CHECK (from_balance_after >= 0),
  to_balance_after bigint NOT NULL CHECK (to_balance_after >= 0),
  description text NOT NULL DEFAULT '',
  booked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((kind = 'DEPOSIT') = (from_account IS NULL)),
  CHECK ((from_account IS NULL) = (from_balance_after IS NULL)),
  CHECK (from_account IS DISTINCT FROM to_account),
  CHECK ((kind = 'DEPOSIT') = (request_id IS NULL))
);
CREATE INDEX movements_to_account ON sandbox_bank.movements (to_account, id);
CREATE INDEX movements_from_account ON sandbox_bank.movements (from_account, id) WHERE from_account IS NOT NULL;
CREATE INDEX movements_booked_at ON sandbox_bank.movements (booked_at);

CREATE FUNCTION sandbox_bank.movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sandbox bank: movements are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER movements_no_update_delete BEFORE UPDATE OR DELETE ON sandbox_bank.movements
  FOR EACH ROW EXECUTE FUNCTION sandbox_bank.movements_append_only();
CREATE TRIGGER movements_no_truncate BEFORE TRUNCATE ON sandbox_bank.movements
  FOR EACH STATEMENT EXECUTE FUNCTION sandbox_bank.movements_append_only();

-- The balance an account's latest movement left it with (0 before any movement).
CREATE FUNCTION sandbox_bank.balance_after_last_movement(acct text) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT COALESCE((
    SELECT CASE WHEN m.to_account = acct THEN m.to_balance_after ELSE m.from_balance_after END
    FROM (
      (SELECT id, to_account, to_balance_after, from_balance_after FROM sandbox_bank.movements
        WHERE to_account = acct ORDER BY id DESC LIMIT 1)
      UNION ALL
      (SELECT id, to_account, to_balance_after, from_balance_after FROM sandbox_bank.movements
        WHERE from_account = acct ORDER BY id DESC LIMIT 1)
    ) m ORDER BY m.id DESC LIMIT 1), 0)
$$;

-- At commit, every account whose balance changed must match its latest movement: a balance
-- never moves without a movement that says so.
CREATE FUNCTION sandbox_bank.accounts_balance_matches_movements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_balance bigint;
  booked bigint;
BEGIN
  SELECT balance INTO current_balance FROM sandbox_bank.accounts WHERE account_number = NEW.account_number;
  booked := sandbox_bank.balance_after_last_movement(NEW.account_number);
  IF current_balance IS DISTINCT FROM booked THEN
    RAISE EXCEPTION 'sandbox bank: account % balance % differs from its movements (%)', NEW.account_number, current_balance, booked
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER accounts_balance_matches_movements AFTER INSERT OR UPDATE OF balance ON sandbox_bank.accounts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sandbox_bank.accounts_balance_matches_movements();

-- Notices to the wallet (outbox): written in the transaction that decides the outcome.
CREATE TABLE sandbox_bank.notices (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL CONSTRAINT notices_request_id_key UNIQUE REFERENCES sandbox_bank.requests (id),
  notify_url text NOT NULL,
  body text NOT NULL,
  -- SUPPRESSED: the LOSE_NOTICE fault; written anyway so the page can say what was not sent.
  state text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'SUPPRESSED', 'GAVE_UP')),
  -- DUPLICATE_NOTICE: 2 (the same notice, same id, delivered twice).
  copies integer NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 2),
  delivered_copies integer NOT NULL DEFAULT 0 CHECK (delivered_copies BETWEEN 0 AND copies),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'PENDING') = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'DELIVERED') = (delivered_copies = copies))
);
CREATE INDEX notices_due ON sandbox_bank.notices (next_attempt_at) WHERE state = 'PENDING';

CREATE TABLE sandbox_bank.notice_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notice_id uuid NOT NULL REFERENCES sandbox_bank.notices (id),
  attempted_at timestamptz NOT NULL DEFAULT now(),
  http_status integer,
  error text,
  duration_ms integer NOT NULL
);
CREATE INDEX notice_attempts_notice ON sandbox_bank.notice_attempts (notice_id, id);

-- Faults on demand: per account number or GLOBAL; an account's fault wins over the global one.
CREATE TABLE sandbox_bank.faults (
  scope text PRIMARY KEY CHECK (scope = 'GLOBAL' OR scope ~ '^[0-9]{16,19}$'),
  mode text NOT NULL CHECK (mode IN ('DECLINE', 'INSUFFICIENT_FUNDS', 'DELAY_NOTICE', 'LOSE_NOTICE', 'DUPLICATE_NOTICE', 'ERROR_500', 'TIMEOUT')),
  delay_seconds integer CHECK (delay_seconds BETWEEN 0 AND 86400),
  times_remaining integer CHECK (times_remaining > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((mode = 'DELAY_NOTICE') = (delay_seconds IS NOT NULL))
);
