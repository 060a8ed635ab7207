-- public.ledger_write_transfers as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_write_transfers(p_ids uuid[], p_dbal bigint[], p_dver bigint[], p_low bigint[], p_wallets integer, p_entry_ids uuid[], p_kinds text[], p_scopes text[], p_metas jsonb[], p_entry uuid[], p_account uuid[], p_currency text[], p_amount bigint[], p_seq_back bigint[], p_bal_back bigint[])
 RETURNS void
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
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
$function$;
