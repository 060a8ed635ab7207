-- The batcher's optimistic write (server/ledger/optimistic-transfers.ts): a call of plain
-- transfers, decided by the batcher on its estimates, written in one round trip without
-- ledger_apply's per-op PL/pgSQL. Each account changes by the sum of its postings; the
-- funds are checked on the rows themselves once locked: an account that may not go negative
-- and that the call debits must not fall below its pending debits after any op of the call
-- (p_low: the lowest running change after such an op). If one would, the call fails with
-- LB004 and the batcher sends it to ledger_apply, which refuses the ops that must be refused.
-- Order (as ledger_apply's late locks): the user wallets first (locked by id) with the
-- entries; then the other accounts (merchant balances, platform accounts: the hot ones,
-- locked by id) with the postings, so a call holds a hot account only for its last statement
-- and its commit. The clock is read again once every lock is held: per account, created_at
-- follows account_seq. The database's guards (commit-time entry check, posting triggers,
-- CHECK on available balance) run as for any writer.
CREATE FUNCTION ledger_refuse_optimistic_call(p_id uuid) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION 'ledger: account % has not the funds this call expected; ledger_apply decides it', p_id
    USING ERRCODE = 'LB004';
END
$$;

CREATE FUNCTION ledger_write_transfers(
  p_ids uuid[], p_dbal bigint[], p_dver bigint[], p_low bigint[], p_wallets int,
  p_entry_ids uuid[], p_kinds text[], p_scopes text[], p_metas jsonb[],
  p_entry uuid[], p_account uuid[], p_currency text[], p_amount bigint[], p_seq_back bigint[], p_bal_back bigint[]
) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  n int := coalesce(cardinality(p_ids), 0);
  w_id uuid[];
  w_bal bigint[];
  w_ver bigint[];
  v_found int;
BEGIN
  -- 1. the wallets, then the entries
  WITH acc AS (
    UPDATE ledger_accounts la
    SET balance = la.balance + u.dbal,
        version = CASE WHEN u.low IS NULL OR la.balance - la.pending_debits + u.low >= 0
                  THEN la.version + u.dver ELSE ledger_refuse_optimistic_call(la.id) END
    FROM unnest(p_ids[1:p_wallets], p_dbal[1:p_wallets], p_dver[1:p_wallets], p_low[1:p_wallets]) AS u(id, dbal, dver, low)
    WHERE la.id = u.id
    RETURNING la.id, la.balance, la.version
  ), ent AS (
    INSERT INTO journal_entries (id, kind, status, idempotency_scope, metadata, created_at)
    SELECT u.id, u.kind, 'POSTED', u.scope, u.meta, clock_timestamp()
    FROM unnest(p_entry_ids, p_kinds, p_scopes, p_metas) AS u(id, kind, scope, meta)
  )
  SELECT array_agg(acc.id), array_agg(acc.balance), array_agg(acc.version) INTO w_id, w_bal, w_ver FROM acc;

  -- 2. the other accounts, then every posting (account_seq and balance_after counted back
  --    from each account's new values)
  WITH hot AS (
    UPDATE ledger_accounts la
    SET balance = la.balance + u.dbal,
        version = CASE WHEN u.low IS NULL OR la.balance - la.pending_debits + u.low >= 0
                  THEN la.version + u.dver ELSE ledger_refuse_optimistic_call(la.id) END
    FROM unnest(p_ids[p_wallets + 1:n], p_dbal[p_wallets + 1:n], p_dver[p_wallets + 1:n], p_low[p_wallets + 1:n])
      AS u(id, dbal, dver, low)
    WHERE la.id = u.id
    RETURNING la.id, la.balance, la.version
  ), acc AS (
    SELECT hot.id, hot.balance, hot.version FROM hot
    UNION ALL
    SELECT w.id, w.balance, w.version FROM unnest(w_id, w_bal, w_ver) AS w(id, balance, version)
  ), ts AS (
    SELECT clock_timestamp() AS t, count(*) AS found FROM acc
  ), posted AS (
    INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after, created_at)
    SELECT uuidv7(), u.entry, u.aid, u.cur, u.amt, false, a.version - u.seq_back, a.balance - u.bal_back, ts.t
    FROM unnest(p_entry, p_account, p_currency, p_amount, p_seq_back, p_bal_back) AS u(entry, aid, cur, amt, seq_back, bal_back)
    JOIN acc a ON a.id = u.aid
    CROSS JOIN ts
  )
  SELECT ts.found INTO v_found FROM ts;
  IF v_found IS DISTINCT FROM n THEN
    RAISE EXCEPTION 'ledger: % of the % accounts of the call were not found', n - v_found, n USING ERRCODE = 'LB004';
  END IF;
END
$fn$;
