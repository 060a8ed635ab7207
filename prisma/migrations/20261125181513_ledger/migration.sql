-- CreateTable
CREATE TABLE "ledger_accounts" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "owner_id" TEXT,
    "may_go_negative" BOOLEAN NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "pending_debits" BIGINT NOT NULL DEFAULT 0,
    "pending_credits" BIGINT NOT NULL DEFAULT 0,
    "version" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entries" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "idempotency_scope" TEXT NOT NULL DEFAULT '',
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "hold_id" UUID,
    "expires_at" TIMESTAMPTZ(6),
    "resolved_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_xact" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,

    CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_postings" (
    "id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "account_seq" BIGINT,
    "balance_after" BIGINT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entry_checks" (
    "id" BIGSERIAL NOT NULL,
    "entry_ids" UUID[],
    "pending" BOOLEAN[],

    CONSTRAINT "ledger_entry_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_accounts_code_currency_key" ON "ledger_accounts"("code", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entries_hold_id_key" ON "journal_entries"("hold_id");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entries_idempotency_scope_idempotency_key_key" ON "journal_entries"("idempotency_scope", "idempotency_key");

-- CreateIndex
CREATE INDEX "ledger_postings_entry_id_idx" ON "ledger_postings"("entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_postings_account_id_account_seq_key" ON "ledger_postings"("account_id", "account_seq");

-- AddForeignKey
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_hold_id_fkey" FOREIGN KEY ("hold_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ============================================================================================
-- Ledger guards and the one-round-trip apply function (hand-written: Prisma's schema cannot
-- say any of this). The database defends the ledger's invariants on its own:
--   * an entry whose postings do not sum to zero per currency (posted and pending postings
--     separately), that has fewer than two postings, or that names a missing account, is
--     refused at commit (deferred constraint trigger);
--   * postings are append-only (no UPDATE, DELETE or TRUNCATE, no additions to an entry of
--     an earlier transaction);
--   * entries only change status PENDING -> POSTED | VOIDED (with resolved_at); no deletes;
--   * an account that may not go negative never has balance - pending_debits < 0 (CHECK).
-- Sign convention (ledger/chart-of-accounts.ts): amount > 0 credit, < 0 debit;
-- ledger_accounts.balance is the raw sum of posted amounts.
-- Custom SQLSTATEs (mapped in server/ledger/ledger-errors.ts):
--   LB001 unbalanced or malformed entry, LB002 postings are immutable (no update, delete,
--   truncate, nor additions to a committed entry), LB003 illegal change of an entry or account.
-- ============================================================================================

-- uuidv7() is built into PostgreSQL 18; older servers (DATABASE_URL) get an equivalent.
DO $do$
BEGIN
  IF to_regprocedure('pg_catalog.uuidv7()') IS NULL AND to_regprocedure('public.uuidv7()') IS NULL THEN
    EXECUTE $fn$
      CREATE FUNCTION public.uuidv7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $body$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
          FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $body$
    $fn$;
  END IF;
END
$do$;

-- ---------------------------------------------------------------------------- checks
ALTER TABLE "ledger_accounts"
  ADD CONSTRAINT "ledger_accounts_available_check" CHECK ("may_go_negative" OR "balance" - "pending_debits" >= 0),
  ADD CONSTRAINT "ledger_accounts_pending_check" CHECK ("pending_debits" >= 0 AND "pending_credits" >= 0),
  ADD CONSTRAINT "ledger_accounts_version_check" CHECK ("version" >= 0),
  ADD CONSTRAINT "ledger_accounts_kind_check"
    CHECK ("kind" IN ('RESERVE', 'IN_TRANSIT', 'USER_WALLET', 'MERCHANT_BALANCE', 'FEE_REVENUE', 'SUSPENSE'));

ALTER TABLE "journal_entries"
  ADD CONSTRAINT "journal_entries_status_check" CHECK ("status" IN ('POSTED', 'PENDING', 'VOIDED')),
  ADD CONSTRAINT "journal_entries_resolved_check" CHECK (("status" = 'VOIDED') <= ("resolved_at" IS NOT NULL) AND ("status" = 'PENDING') <= ("resolved_at" IS NULL)),
  ADD CONSTRAINT "journal_entries_key_check" CHECK ("idempotency_key" IS NULL OR "request_hash" IS NOT NULL);

ALTER TABLE "ledger_postings"
  ADD CONSTRAINT "ledger_postings_amount_check" CHECK ("amount" <> 0),
  ADD CONSTRAINT "ledger_postings_pending_check" CHECK (
    CASE WHEN "pending" THEN "account_seq" IS NULL AND "balance_after" IS NULL
         ELSE "account_seq" IS NOT NULL AND "balance_after" IS NOT NULL AND "account_seq" > 0 END);

-- Holds waiting for their expiry (ledger_expire_holds); small, since resolved holds leave it.
CREATE INDEX "journal_entries_pending_expiry_idx" ON "journal_entries" ("expires_at") WHERE "status" = 'PENDING';

-- ---------------------------------------------------------------------------- immutability
CREATE FUNCTION ledger_postings_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger: % on ledger_postings is not allowed: postings are immutable, post a correcting entry', TG_OP
    USING ERRCODE = 'LB002';
END
$$;

CREATE TRIGGER "ledger_postings_no_update_delete" BEFORE UPDATE OR DELETE ON "ledger_postings"
  FOR EACH ROW EXECUTE FUNCTION ledger_postings_immutable();
CREATE TRIGGER "ledger_postings_no_truncate" BEFORE TRUNCATE ON "ledger_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_immutable();

CREATE FUNCTION ledger_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.status = 'PENDING' AND NEW.status IN ('POSTED', 'VOIDED') AND NEW.resolved_at IS NOT NULL
     AND NEW.id = OLD.id AND NEW.kind = OLD.kind
     AND NEW.idempotency_scope = OLD.idempotency_scope
     AND NEW.idempotency_key IS NOT DISTINCT FROM OLD.idempotency_key
     AND NEW.request_hash IS NOT DISTINCT FROM OLD.request_hash
     AND NEW.metadata = OLD.metadata
     AND NEW.hold_id IS NOT DISTINCT FROM OLD.hold_id
     AND NEW.expires_at IS NOT DISTINCT FROM OLD.expires_at
     AND NEW.created_at = OLD.created_at
     AND NEW.created_xact = OLD.created_xact THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger: % on journal_entries is not allowed: only a PENDING hold may become POSTED or VOIDED', TG_OP
    USING ERRCODE = 'LB003';
END
$$;

CREATE TRIGGER "journal_entries_guard" BEFORE UPDATE OR DELETE ON "journal_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_guard();
CREATE TRIGGER "journal_entries_no_truncate" BEFORE TRUNCATE ON "journal_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_guard();

-- ---------------------------------------------------------------------------- entry integrity
-- At commit, ONCE per statement that inserted entries (so once per ledger_apply call, not
-- once per entry): every entry inserted has at least two postings, they sum to zero per
-- currency, and they are all pending when the entry was created PENDING (a hold), all
-- posted otherwise. With the statement trigger on ledger_postings below (postings name
-- existing accounts in their currency, and only join an entry created by the same top-level
-- transaction) this is the whole foreign-key and balance guarantee.
-- How: an AFTER INSERT statement trigger on journal_entries reads the new rows from its
-- transition table and writes their ids into one row of ledger_entry_checks; that table's
-- DEFERRABLE INITIALLY DEFERRED constraint trigger checks all of them at commit in one
-- aggregate query (an index probe per entry) and deletes the row. A per-entry deferred
-- trigger did the same work with one trigger call and query per entry (measured: ~45 us per
-- entry at commit; now a few us). The marker rows only live inside their transaction, so
-- the table is UNLOGGED; the deferred event holds the row as inserted, so changing or
-- deleting a marker cannot skip a check (and updates are refused anyway).
CREATE FUNCTION ledger_entries_check_new() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_ids uuid[];
  v_pending boolean[];
  v_forged uuid;
BEGIN
  SELECT array_agg(n.id), array_agg(n.status = 'PENDING'),
         (array_agg(n.id) FILTER (WHERE n.created_xact IS DISTINCT FROM pg_current_xact_id()::text::bigint))[1]
    INTO v_ids, v_pending, v_forged
  FROM new_entries n;
  -- created_xact decides which transaction may add postings to an entry: never forged.
  IF v_forged IS NOT NULL THEN
    RAISE EXCEPTION 'ledger: entry % must keep the default created_xact (its own transaction)', v_forged
      USING ERRCODE = 'LB003';
  END IF;
  IF v_ids IS NOT NULL THEN
    INSERT INTO ledger_entry_checks (entry_ids, pending) VALUES (v_ids, v_pending);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "journal_entries_check_new" AFTER INSERT ON "journal_entries"
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_check_new();

CREATE FUNCTION ledger_check_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
  v_postings int;
  v_unbalanced text;
  v_kind_ok boolean;
  v_pending boolean;
BEGIN
  -- the first entry that is wrong, if any (per entry and currency, then per entry)
  SELECT s.id, s.n, s.unbalanced, s.kind_ok, s.pending
    INTO v_id, v_postings, v_unbalanced, v_kind_ok, v_pending
  FROM (
    SELECT c.id, c.pending, sum(c.n)::int AS n, bool_and(c.kind_ok) AS kind_ok,
           min(CASE WHEN c.total <> 0 THEN c.currency || ' postings sum to ' || c.total END) AS unbalanced
    FROM (
      SELECT u.id, u.pending, p.currency, sum(p.amount) AS total, count(p.entry_id) AS n,
             coalesce(bool_and(p.pending = u.pending), true) AS kind_ok
      FROM unnest(NEW.entry_ids, NEW.pending) AS u(id, pending)
      LEFT JOIN ledger_postings p ON p.entry_id = u.id
      GROUP BY u.id, u.pending, p.currency
    ) c
    GROUP BY c.id, c.pending
  ) s
  WHERE s.unbalanced IS NOT NULL OR s.n < 2 OR NOT s.kind_ok
  LIMIT 1;
  IF v_unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger: entry % does not balance: % (it must be 0)', v_id, v_unbalanced USING ERRCODE = 'LB001';
  ELSIF v_postings < 2 THEN
    RAISE EXCEPTION 'ledger: entry % has % posting(s); an entry needs at least two', v_id, v_postings
      USING ERRCODE = 'LB001';
  ELSIF NOT v_kind_ok THEN
    RAISE EXCEPTION 'ledger: entry % (created %) has postings of the wrong kind (pending vs posted)', v_id,
      CASE WHEN v_pending THEN 'PENDING' ELSE 'POSTED' END
      USING ERRCODE = 'LB001';
  END IF;
  DELETE FROM ledger_entry_checks WHERE id = NEW.id;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "ledger_entry_checks_at_commit" AFTER INSERT ON "ledger_entry_checks"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_check_entries();

CREATE FUNCTION ledger_entry_checks_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger: % on ledger_entry_checks is not allowed', TG_OP USING ERRCODE = 'LB003';
END
$$;

CREATE TRIGGER "ledger_entry_checks_no_update" BEFORE UPDATE ON "ledger_entry_checks"
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_checks_guard();

ALTER TABLE "ledger_entry_checks" SET UNLOGGED;

-- Per INSERT statement on ledger_postings (set-based, on the transition table): each new
-- posting names an existing account in its own currency, and an entry created by the same
-- top-level transaction (so savepoints are fine): a committed entry never gains postings.
CREATE FUNCTION ledger_postings_check_new() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_entry uuid;
  v_account uuid;
BEGIN
  -- (LATERAL ... LIMIT 1: an index probe per posting, never a scan of the whole table)
  SELECT n.entry_id INTO v_entry
  FROM new_postings n
  LEFT JOIN LATERAL (SELECT e.id, e.created_xact FROM journal_entries e WHERE e.id = n.entry_id LIMIT 1) e ON true
  WHERE e.id IS NULL OR e.created_xact <> pg_current_xact_id()::text::bigint
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger: postings may only be added to an entry created in the same transaction (entry %)', v_entry
      USING ERRCODE = 'LB002';
  END IF;
  SELECT n.account_id INTO v_account
  FROM new_postings n
  LEFT JOIN LATERAL (SELECT a.id FROM ledger_accounts a WHERE a.id = n.account_id AND a.currency = n.currency LIMIT 1) a ON true
  WHERE a.id IS NULL
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger: a posting names account % which does not exist in the posting''s currency', v_account
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ledger_postings_check_new" AFTER INSERT ON "ledger_postings"
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_check_new();

-- Accounts are never deleted (their postings would dangle); balances move only by entries.
CREATE FUNCTION ledger_accounts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger: % on ledger_accounts is not allowed: accounts are never deleted', TG_OP
    USING ERRCODE = 'LB003';
END
$$;

CREATE TRIGGER "ledger_accounts_no_delete" BEFORE DELETE ON "ledger_accounts"
  FOR EACH ROW EXECUTE FUNCTION ledger_accounts_guard();
CREATE TRIGGER "ledger_accounts_no_truncate" BEFORE TRUNCATE ON "ledger_accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_accounts_guard();

-- Account rows are rewritten once per batch: leave room on each page so the update stays
-- on the page (HOT) and touches no index.
ALTER TABLE "ledger_accounts" SET (fillfactor = 70);

-- ---------------------------------------------------------------------------- helpers
CREATE FUNCTION ledger_try_uuid(p text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN p::uuid END
$$;

-- ---------------------------------------------------------------------------- ledger_apply
-- Applies a list of ops in ONE call, inside whatever transaction it runs in, and returns a
-- jsonb array with one result per op, in order. Each op succeeds or fails on its own; a
-- failed op writes nothing. Ops (amounts are decimal strings, bigint-safe):
--   {"t":"transfer"|"hold", "kind":"TRANSFER", "scope":"", "key":null|"k", "hash":null|"hex",
--    "meta":{...}, "exp":null|seconds (hold only),
--    "p":[{"c":"user:u1:wallet" | "id":"<account uuid>", "cur":"CNY", "a":"-100"}, ...]}
--   {"t":"postHold"|"voidHold", "hold":"<entry uuid>"}
-- Results: {"ok":true,"id":uuid,"status":"POSTED"|"PENDING"|"VOIDED","replayed":bool}
--       or {"ok":false,"code":"INSUFFICIENT_FUNDS"|"ACCOUNT_NOT_FOUND"|"IDEMPOTENCY_CONFLICT"|
--           "HOLD_NOT_PENDING"|"UNBALANCED_ENTRY"|"INVALID_ENTRY", ...details as strings}
--
-- How (TigerBeetle-style batching on PostgreSQL):
--   1. parse the ops into arrays (set-based, no table access);
--   2. resolve account codes to ids, read the pending postings of holds to post or void;
--   3. lock every involved account ONCE, in id order (concurrent calls cannot deadlock on
--      accounts), and read it; the clock is read while the locks are held;
--   4. look up idempotency keys (after the locks: a concurrent duplicate of the same request
--      touches the same accounts, so it has committed by now and is seen);
--   5. settle post/void races: one UPDATE ... WHERE status = 'PENDING' decides each hold;
--   6. apply the ops in order to the arrays: funds checks are exact (the rows are locked),
--      a failing op is undone in the arrays (no subtransactions, no EXCEPTION blocks);
--   7. write: entries and postings in one INSERT each, and each changed account row ONCE:
--      a hot account costs one row update per call, not one per op.
-- Keys: a key already stored replays (same request hash) or conflicts (another hash); a key
-- used twice in one call is claimed by the first op that succeeds. If a concurrent call
-- claimed one of our new keys meanwhile (same key, different accounts), the whole call fails
-- with 40001 and is retried by the caller, and then sees that key.
CREATE FUNCTION ledger_apply(p_ops jsonb) RETURNS jsonb LANGUAGE plpgsql
-- Generic plans: every query here is an index probe per element or works on arrays only, so
-- replanning each call (custom plans) buys nothing and costs ~1 ms per call.
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  n_ops int;
  v_now timestamptz;
  -- per op: input
  o_t text[]; o_kind text[]; o_scope text[]; o_key text[]; o_hash text[]; o_meta jsonb[]; o_exp float8[];
  o_hold uuid[]; o_first int[]; o_p1 int[]; o_p2 int[]; o_shape jsonb[];
  -- per op: outcome
  o_id uuid[]; o_status text[]; o_replayed boolean[]; o_new boolean[]; o_err jsonb[]; o_expires timestamptz[];
  o_won boolean[];
  -- idempotency keys, indexed by the first op of the call that carries the scope + key
  k_id uuid[]; k_status text[]; k_hash text[];
  -- requested postings (transfer and hold ops), ordered by op then posting
  r_op int[]; r_code text[]; r_idt text[]; r_cur text[]; r_amt bigint[]; r_aid uuid[]; r_k int[];
  r_entry uuid[]; r_seq bigint[]; r_after bigint[];
  n_r int; n_idt int;
  -- the stored pending postings of holds named by postHold / voidHold ops
  h_op int[]; h_aid uuid[]; h_cur text[]; h_amt bigint[]; h_k int[]; h_entry uuid[]; h_seq bigint[]; h_after bigint[];
  n_h int := 0; n_holdops int;
  -- locked accounts, ordered by id
  a_id uuid[]; a_neg boolean[]; a_bal bigint[]; a_pd bigint[]; a_pc bigint[]; a_ver bigint[];
  a_bal0 bigint[]; a_pd0 bigint[]; a_pc0 bigint[]; a_ver0 bigint[];
  -- scratch
  i int; p int; k int; f int; p1 int; p2 int; ptr_h int := 1; n_keyed int;
  v_t text; v_id uuid; v_fail int; v_pend boolean; v_amt bigint; v_expected int := 0; v_inserted int;
  x_i int[]; x_id uuid[]; x_status text[]; x_hash text[]; x_kind text[]; x_meta jsonb[];
  v_result jsonb;
BEGIN
  n_ops := jsonb_array_length(p_ops);
  IF n_ops IS NULL OR n_ops = 0 THEN
    RETURN '[]'::jsonb;
  END IF;

  -- 1. Parse. Keys only count on transfer and hold ops; o_first = first op with the same key.
  SELECT array_agg(x.t ORDER BY x.i), array_agg(x.kind ORDER BY x.i), array_agg(x.scope ORDER BY x.i),
         array_agg(x.key ORDER BY x.i), array_agg(x.hash ORDER BY x.i), array_agg(x.meta ORDER BY x.i),
         array_agg(x.exp ORDER BY x.i), array_agg(x.hold ORDER BY x.i), array_agg(x.first ORDER BY x.i),
         count(x.key), count(*) FILTER (WHERE x.t IN ('postHold', 'voidHold'))
    INTO o_t, o_kind, o_scope, o_key, o_hash, o_meta, o_exp, o_hold, o_first, n_keyed, n_holdops
  FROM (
    SELECT y.*, CASE WHEN y.key IS NOT NULL THEN (min(y.i) OVER (PARTITION BY y.scope, y.key))::int END AS first
    FROM (
      SELECT o.i::int AS i, o.v->>'t' AS t, o.v->>'kind' AS kind, coalesce(o.v->>'scope', '') AS scope,
             CASE WHEN o.v->>'t' IN ('transfer', 'hold') THEN o.v->>'key' END AS key, o.v->>'hash' AS hash,
             CASE WHEN jsonb_typeof(o.v->'meta') = 'object' THEN o.v->'meta' ELSE '{}'::jsonb END AS meta,
             (o.v->>'exp')::float8 AS exp,
             CASE WHEN o.v->>'t' IN ('postHold', 'voidHold') THEN ledger_try_uuid(o.v->>'hold') END AS hold
      FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS o(v, i)
    ) y
  ) x;

  -- The requested postings, flattened (ordered by op, then posting), and per op: the range
  -- of its postings and what is wrong with its shape, if anything.
  WITH f AS MATERIALIZED (
    SELECT (row_number() OVER (ORDER BY o.i, pp.j))::int AS ord, o.i::int AS op, pp.v->>'c' AS code, pp.v->>'id' AS idt,
           pp.v->>'cur' AS cur, (pp.v->>'a')::bigint AS amt
    FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS o(v, i)
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN o.v->>'t' IN ('transfer', 'hold') AND jsonb_typeof(o.v->'p') = 'array' THEN o.v->'p' ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS pp(v, j)
  ), per_op AS (
    SELECT y.op, min(y.ord) AS p1, max(y.ord) AS p2, count(*) AS n, bool_or(y.amt = 0) AS zero,
           (array_agg(y.cur ORDER BY y.ord) FILTER (WHERE y.csum <> 0))[1] AS badcur,
           (array_agg(y.csum ORDER BY y.ord) FILTER (WHERE y.csum <> 0))[1] AS diff
    FROM (SELECT f.op, f.ord, f.amt, f.cur, sum(f.amt) OVER (PARTITION BY f.op, f.cur) AS csum FROM f) y
    GROUP BY y.op
  )
  SELECT (SELECT array_agg(f.op ORDER BY f.ord) FROM f), (SELECT array_agg(f.code ORDER BY f.ord) FROM f),
         (SELECT array_agg(f.idt ORDER BY f.ord) FROM f), (SELECT array_agg(f.cur ORDER BY f.ord) FROM f),
         (SELECT array_agg(f.amt ORDER BY f.ord) FROM f), (SELECT count(f.idt) FROM f),
         array_agg(s.p1 ORDER BY g.i), array_agg(s.p2 ORDER BY g.i),
         array_agg(CASE
           WHEN o_t[g.i] NOT IN ('transfer', 'hold', 'postHold', 'voidHold') OR o_t[g.i] IS NULL
             THEN jsonb_build_object('ok', false, 'code', 'INVALID_ENTRY', 'reason', 'UNKNOWN_OP')
           WHEN o_t[g.i] IN ('postHold', 'voidHold') THEN NULL
           WHEN coalesce(s.n, 0) < 2
             THEN jsonb_build_object('ok', false, 'code', 'INVALID_ENTRY', 'reason', 'TOO_FEW_POSTINGS')
           WHEN s.zero THEN jsonb_build_object('ok', false, 'code', 'INVALID_ENTRY', 'reason', 'ZERO_POSTING')
           WHEN o_key[g.i] IS NOT NULL AND o_hash[g.i] IS NULL
             THEN jsonb_build_object('ok', false, 'code', 'INVALID_ENTRY', 'reason', 'INVALID_IDEMPOTENCY_KEY')
           WHEN s.badcur IS NOT NULL
             THEN jsonb_build_object('ok', false, 'code', 'UNBALANCED_ENTRY', 'currency', s.badcur, 'difference', s.diff::text)
         END ORDER BY g.i)
    INTO r_op, r_code, r_idt, r_cur, r_amt, n_idt, o_p1, o_p2, o_shape
  FROM generate_series(1, n_ops) AS g(i)
  LEFT JOIN per_op s ON s.op = g.i;
  n_r := coalesce(array_length(r_op, 1), 0);

  IF n_idt = 0 AND n_holdops = 0 THEN
    -- 2+3. Common case, every posting names its account by code: find and lock the accounts
    --      in one pass, in id order (LockRows runs above the sort), so concurrent calls
    --      cannot deadlock on accounts.
    WITH locked AS (
      SELECT la.id, la.code, la.currency, la.may_go_negative, la.balance, la.pending_debits, la.pending_credits, la.version
      FROM ledger_accounts la
      WHERE (la.code, la.currency) IN (SELECT u.code, u.cur FROM unnest(r_code, r_cur) AS u(code, cur))
      ORDER BY la.id
      FOR UPDATE
    ), n AS (
      SELECT l.*, (row_number() OVER (ORDER BY l.id))::int AS idx FROM locked l
    )
    SELECT (SELECT array_agg(n.id ORDER BY n.idx) FROM n), (SELECT array_agg(n.may_go_negative ORDER BY n.idx) FROM n),
           (SELECT array_agg(n.balance ORDER BY n.idx) FROM n), (SELECT array_agg(n.pending_debits ORDER BY n.idx) FROM n),
           (SELECT array_agg(n.pending_credits ORDER BY n.idx) FROM n), (SELECT array_agg(n.version ORDER BY n.idx) FROM n),
           array_agg(n.idx ORDER BY u.ord), array_agg(n.id ORDER BY u.ord)
      INTO a_id, a_neg, a_bal, a_pd, a_pc, a_ver, r_k, r_aid
    FROM unnest(r_code, r_cur) WITH ORDINALITY AS u(code, cur, ord)
    LEFT JOIN n ON n.code = u.code AND n.currency = u.cur;
    v_now := clock_timestamp();
  ELSE
    -- 2. Accounts by code or id (an index probe each); the pending postings of holds to
    --    post or void (immutable rows: safe to read before locking).
    IF n_r > 0 THEN
      SELECT array_agg(coalesce(a1.id, a2.id) ORDER BY u.ord) INTO r_aid
      FROM unnest(r_code, r_idt, r_cur) WITH ORDINALITY AS u(code, idt, cur, ord)
      LEFT JOIN ledger_accounts a1 ON a1.code = u.code AND a1.currency = u.cur
      LEFT JOIN ledger_accounts a2 ON u.code IS NULL AND a2.id = ledger_try_uuid(u.idt) AND a2.currency = u.cur;
    END IF;
    IF n_holdops > 0 THEN
      SELECT array_agg(u.i::int ORDER BY u.i, lp.id), array_agg(lp.account_id ORDER BY u.i, lp.id),
             array_agg(lp.currency ORDER BY u.i, lp.id), array_agg(lp.amount ORDER BY u.i, lp.id)
        INTO h_op, h_aid, h_cur, h_amt
      FROM unnest(o_hold) WITH ORDINALITY AS u(hold, i)
      JOIN ledger_postings lp ON lp.entry_id = u.hold AND lp.pending
      WHERE u.hold IS NOT NULL;
      n_h := coalesce(array_length(h_op, 1), 0);
    END IF;

    -- 3. Lock every involved account once, in id order, and read it.
    SELECT array_agg(s.id ORDER BY s.id), array_agg(s.may_go_negative ORDER BY s.id),
           array_agg(s.balance ORDER BY s.id), array_agg(s.pending_debits ORDER BY s.id),
           array_agg(s.pending_credits ORDER BY s.id), array_agg(s.version ORDER BY s.id)
      INTO a_id, a_neg, a_bal, a_pd, a_pc, a_ver
    FROM (
      SELECT la.id, la.may_go_negative, la.balance, la.pending_debits, la.pending_credits, la.version
      FROM ledger_accounts la
      WHERE la.id = ANY (array_cat(r_aid, h_aid))
      ORDER BY la.id
      FOR UPDATE
    ) s;
    -- The clock is read while the locks are held: per account, created_at follows account_seq.
    v_now := clock_timestamp();
    IF n_r > 0 THEN
      SELECT array_agg(l.idx::int ORDER BY u.ord) INTO r_k
      FROM unnest(r_aid) WITH ORDINALITY AS u(id, ord)
      LEFT JOIN unnest(a_id) WITH ORDINALITY AS l(id, idx) ON l.id = u.id;
    END IF;
    IF n_h > 0 THEN
      SELECT array_agg(l.idx::int ORDER BY u.ord) INTO h_k
      FROM unnest(h_aid) WITH ORDINALITY AS u(id, ord)
      LEFT JOIN unnest(a_id) WITH ORDINALITY AS l(id, idx) ON l.id = u.id;
      h_entry := array_fill(NULL::uuid, ARRAY[n_h]);
      h_seq := array_fill(NULL::bigint, ARRAY[n_h]);
      h_after := array_fill(NULL::bigint, ARRAY[n_h]);
    END IF;
  END IF;
  a_bal0 := a_bal; a_pd0 := a_pd; a_pc0 := a_pc; a_ver0 := a_ver;
  IF n_r > 0 THEN
    r_entry := array_fill(NULL::uuid, ARRAY[n_r]);
    r_seq := array_fill(NULL::bigint, ARRAY[n_r]);
    r_after := array_fill(NULL::bigint, ARRAY[n_r]);
  END IF;

  o_id := array_fill(NULL::uuid, ARRAY[n_ops]);
  o_status := array_fill(NULL::text, ARRAY[n_ops]);
  o_replayed := array_fill(false, ARRAY[n_ops]);
  o_new := array_fill(false, ARRAY[n_ops]);
  o_err := o_shape;
  o_expires := array_fill(NULL::timestamptz, ARRAY[n_ops]);
  o_won := array_fill(false, ARRAY[n_ops]);

  -- 4. Keys already stored.
  k_id := array_fill(NULL::uuid, ARRAY[n_ops]);
  k_status := array_fill(NULL::text, ARRAY[n_ops]);
  k_hash := array_fill(NULL::text, ARRAY[n_ops]);
  IF n_keyed > 0 THEN
    SELECT array_agg(u.i::int), array_agg(e.id), array_agg(e.status), array_agg(e.request_hash)
      INTO x_i, x_id, x_status, x_hash
    FROM unnest(o_scope, o_key, o_first) WITH ORDINALITY AS u(scope, key, first, i)
    JOIN journal_entries e ON e.idempotency_scope = u.scope AND e.idempotency_key = u.key
    WHERE u.key IS NOT NULL AND u.first = u.i;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      k_id[x_i[p]] := x_id[p];
      k_status[x_i[p]] := x_status[p];
      k_hash[x_i[p]] := x_hash[p];
    END LOOP;
  END IF;

  -- 5. Post/void races: the first op of this call per hold tries; the row lock of this
  --    UPDATE orders it against any other transaction; exactly one wins.
  IF n_holdops > 0 THEN
    WITH first_op AS (
      SELECT DISTINCT ON (u.hold) u.hold, u.i::int AS i, o_t[u.i] AS t
      FROM unnest(o_hold) WITH ORDINALITY AS u(hold, i)
      WHERE u.hold IS NOT NULL
      ORDER BY u.hold, u.i
    ), won AS (
      UPDATE journal_entries e
      SET status = CASE WHEN f.t = 'postHold' THEN 'POSTED' ELSE 'VOIDED' END, resolved_at = v_now
      FROM first_op f
      WHERE e.id = f.hold AND e.status = 'PENDING'
        AND (f.t = 'voidHold' OR e.expires_at IS NULL OR e.expires_at > v_now)
      RETURNING f.i, e.kind, e.metadata
    )
    SELECT array_agg(won.i), array_agg(won.kind), array_agg(won.metadata) INTO x_i, x_kind, x_meta FROM won;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      o_won[x_i[p]] := true;
      o_kind[x_i[p]] := x_kind[p];
      o_meta[x_i[p]] := x_meta[p];
    END LOOP;
    -- the others: why not (after our own update, a duplicate in this call sees POSTED/VOIDED)
    SELECT array_agg(u.i::int), array_agg(coalesce(CASE WHEN e.status = 'PENDING' THEN 'EXPIRED' ELSE e.status END, 'NOT_FOUND'))
      INTO x_i, x_status
    FROM unnest(o_t, o_won) WITH ORDINALITY AS u(t, won, i)
    LEFT JOIN journal_entries e ON e.id = o_hold[u.i]
    WHERE u.t IN ('postHold', 'voidHold') AND NOT u.won;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      o_err[x_i[p]] := jsonb_build_object('ok', false, 'code', 'HOLD_NOT_PENDING', 'holdId',
                                          coalesce(p_ops -> (x_i[p] - 1) ->> 'hold', ''), 'status', x_status[p]);
    END LOOP;
  END IF;

  -- 6. Apply in order.
  FOR i IN 1 .. n_ops LOOP
    v_t := o_t[i];

    IF v_t = 'transfer' OR v_t = 'hold' THEN
      f := o_first[i];
      IF f IS NOT NULL AND k_id[f] IS NOT NULL THEN
        IF k_hash[f] = o_hash[i] THEN
          o_id[i] := k_id[f];
          o_status[i] := k_status[f];
          o_replayed[i] := true;
          o_err[i] := NULL;
        ELSE
          o_err[i] := '{"ok":false,"code":"IDEMPOTENCY_CONFLICT"}'::jsonb;
        END IF;
        CONTINUE;
      END IF;
      CONTINUE WHEN o_err[i] IS NOT NULL;

      p1 := o_p1[i];
      p2 := o_p2[i];
      v_pend := (v_t = 'hold');
      FOR p IN p1 .. p2 LOOP
        IF r_k[p] IS NULL THEN
          o_err[i] := jsonb_build_object('ok', false, 'code', 'ACCOUNT_NOT_FOUND',
                                         'account', coalesce(r_code[p], r_idt[p]), 'currency', r_cur[p]);
          EXIT;
        END IF;
      END LOOP;
      CONTINUE WHEN o_err[i] IS NOT NULL;

      -- apply, then check the funds on the result; undo if it fails
      FOR p IN p1 .. p2 LOOP
        k := r_k[p];
        IF NOT v_pend THEN
          a_bal[k] := a_bal[k] + r_amt[p];
          r_after[p] := a_bal[k];
        ELSIF r_amt[p] < 0 THEN
          a_pd[k] := a_pd[k] - r_amt[p];
        ELSE
          a_pc[k] := a_pc[k] + r_amt[p];
        END IF;
      END LOOP;
      v_fail := NULL;
      FOR p IN p1 .. p2 LOOP
        k := r_k[p];
        IF r_amt[p] < 0 AND NOT a_neg[k] AND a_bal[k] - a_pd[k] < 0 THEN
          v_fail := p;
          EXIT;
        END IF;
      END LOOP;
      IF v_fail IS NOT NULL THEN
        FOR p IN p1 .. p2 LOOP
          k := r_k[p];
          IF NOT v_pend THEN
            a_bal[k] := a_bal[k] - r_amt[p];
          ELSIF r_amt[p] < 0 THEN
            a_pd[k] := a_pd[k] + r_amt[p];
          ELSE
            a_pc[k] := a_pc[k] - r_amt[p];
          END IF;
          r_after[p] := NULL;
        END LOOP;
        k := r_k[v_fail];
        o_err[i] := jsonb_build_object('ok', false, 'code', 'INSUFFICIENT_FUNDS',
                                       'account', coalesce(r_code[v_fail], r_idt[v_fail]), 'currency', r_cur[v_fail],
                                       'available', (a_bal[k] - a_pd[k])::text, 'required', (-r_amt[v_fail])::text);
        CONTINUE;
      END IF;

      v_id := uuidv7();
      o_id[i] := v_id;
      o_new[i] := true;
      v_expected := v_expected + 1;
      o_status[i] := CASE WHEN v_pend THEN 'PENDING' ELSE 'POSTED' END;
      IF v_pend AND o_exp[i] IS NOT NULL THEN
        o_expires[i] := v_now + make_interval(secs => o_exp[i]);
      END IF;
      IF f IS NOT NULL THEN
        k_id[f] := v_id;
        k_status[f] := o_status[i];
        k_hash[f] := o_hash[i];
      END IF;
      FOR p IN p1 .. p2 LOOP
        r_entry[p] := v_id;
        IF NOT v_pend THEN
          k := r_k[p];
          a_ver[k] := a_ver[k] + 1;
          r_seq[p] := a_ver[k];
        END IF;
      END LOOP;

    ELSIF v_t = 'postHold' OR v_t = 'voidHold' THEN
      WHILE ptr_h <= n_h AND h_op[ptr_h] < i LOOP
        ptr_h := ptr_h + 1;
      END LOOP;
      CONTINUE WHEN NOT o_won[i];
      IF v_t = 'postHold' THEN
        v_id := uuidv7();
        o_id[i] := v_id;
        o_new[i] := true;
        v_expected := v_expected + 1;
        o_status[i] := 'POSTED';
      ELSE
        o_id[i] := o_hold[i];
        o_status[i] := 'VOIDED';
      END IF;
      WHILE ptr_h <= n_h AND h_op[ptr_h] = i LOOP
        k := h_k[ptr_h];
        v_amt := h_amt[ptr_h];
        IF v_amt < 0 THEN
          a_pd[k] := a_pd[k] + v_amt;
        ELSE
          a_pc[k] := a_pc[k] - v_amt;
        END IF;
        IF v_t = 'postHold' THEN
          a_bal[k] := a_bal[k] + v_amt;
          a_ver[k] := a_ver[k] + 1;
          h_entry[ptr_h] := v_id;
          h_seq[ptr_h] := a_ver[k];
          h_after[ptr_h] := a_bal[k];
        END IF;
        ptr_h := ptr_h + 1;
      END LOOP;
    END IF;
  END LOOP;

  -- 7. Write.
  IF v_expected > 0 AND n_keyed = 0 THEN
    -- no key in this call: nothing can conflict, a plain INSERT (no speculative insertion)
    INSERT INTO journal_entries (id, kind, status, idempotency_scope, metadata, hold_id, expires_at, created_at)
    SELECT u.id, u.kind, u.status, u.scope, u.meta, CASE WHEN u.t = 'postHold' THEN u.hold END, u.exp, v_now
    FROM unnest(o_id, o_new, o_t, o_kind, o_status, o_scope, o_meta, o_hold, o_expires)
      AS u(id, new, t, kind, status, scope, meta, hold, exp)
    WHERE u.new;
  ELSIF v_expected > 0 THEN
    WITH ins AS (
      INSERT INTO journal_entries (id, kind, status, idempotency_scope, idempotency_key, request_hash, metadata, hold_id,
                                   expires_at, created_at)
      SELECT u.id, u.kind, u.status, u.scope, u.key, CASE WHEN u.key IS NOT NULL THEN u.hash END, u.meta,
             CASE WHEN u.t = 'postHold' THEN u.hold END, u.exp, v_now
      FROM unnest(o_id, o_new, o_t, o_kind, o_status, o_scope, o_key, o_hash, o_meta, o_hold, o_expires)
        AS u(id, new, t, kind, status, scope, key, hash, meta, hold, exp)
      WHERE u.new
      ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING
      RETURNING 1
    )
    SELECT count(*) INTO v_inserted FROM ins;
    IF v_inserted <> v_expected THEN
      RAISE EXCEPTION 'ledger: an idempotency key of this call was claimed concurrently; retry the call'
        USING ERRCODE = 'serialization_failure';
    END IF;
  END IF;

  IF v_expected > 0 THEN
    INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after, created_at)
    SELECT uuidv7(), u.entry, u.aid, u.cur, u.amt, u.seq IS NULL, u.seq, u.after, v_now
    FROM unnest(r_entry, r_aid, r_cur, r_amt, r_seq, r_after) AS u(entry, aid, cur, amt, seq, after)
    WHERE u.entry IS NOT NULL
    UNION ALL
    SELECT uuidv7(), u.entry, u.aid, u.cur, u.amt, false, u.seq, u.after, v_now
    FROM unnest(h_entry, h_aid, h_cur, h_amt, h_seq, h_after) AS u(entry, aid, cur, amt, seq, after)
    WHERE u.entry IS NOT NULL;
  END IF;

  IF a_id IS NOT NULL THEN
    UPDATE ledger_accounts la
    SET balance = u.bal, pending_debits = u.pd, pending_credits = u.pc, version = u.ver
    FROM unnest(a_id, a_bal, a_pd, a_pc, a_ver, a_bal0, a_pd0, a_pc0, a_ver0)
      AS u(id, bal, pd, pc, ver, bal0, pd0, pc0, ver0)
    WHERE la.id = u.id AND (u.bal <> u.bal0 OR u.pd <> u.pd0 OR u.pc <> u.pc0 OR u.ver <> u.ver0);
  END IF;

  SELECT jsonb_agg(
           CASE WHEN u.err IS NOT NULL THEN u.err
                WHEN u.id IS NULL THEN '{"ok":false,"code":"INVALID_ENTRY","reason":"UNKNOWN_OP"}'::jsonb
                ELSE jsonb_build_object('ok', true, 'id', u.id, 'status', u.status, 'replayed', u.replayed) END
           ORDER BY u.i)
    INTO v_result
  FROM unnest(o_err, o_id, o_status, o_replayed) WITH ORDINALITY AS u(err, id, status, replayed, i);
  RETURN v_result;
END
$fn$;

-- ---------------------------------------------------------------------------- hold expiry
-- Voids up to p_limit PENDING holds whose expires_at has passed on the database clock.
-- Returns how many it voided (a hold posted or voided meanwhile is skipped).
CREATE FUNCTION ledger_expire_holds(p_limit int DEFAULT 500) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_ops jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('t', 'voidHold', 'hold', s.id)) INTO v_ops
  FROM (
    SELECT je.id FROM journal_entries je
    WHERE je.status = 'PENDING' AND je.expires_at <= clock_timestamp()
    ORDER BY je.expires_at
    LIMIT greatest(p_limit, 0)
  ) s;
  IF v_ops IS NULL THEN
    RETURN 0;
  END IF;
  RETURN (SELECT count(*) FROM jsonb_array_elements(ledger_apply(v_ops)) r WHERE (r->>'ok')::boolean);
END
$$;
