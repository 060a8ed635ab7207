-- public.ledger_apply as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_apply(p_ops jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
DECLARE
  n_ops int;
  v_columnar boolean;
  v_now timestamptz;
  -- per op: input
  o_t text[]; o_kind text[]; o_scope text[]; o_key text[]; o_hash text[]; o_meta jsonb[]; o_exp float8[];
  o_hold uuid[]; o_hold_txt text[]; o_first int[]; o_p1 int[]; o_p2 int[]; o_shape jsonb[]; o_pn int[];
  -- per op: outcome
  o_id uuid[]; o_status text[]; o_replayed boolean[]; o_new boolean[]; o_err jsonb[]; o_expires timestamptz[];
  o_won boolean[];
  -- idempotency keys, indexed by the first op of the call that carries the scope + key
  k_id uuid[]; k_status text[]; k_hash text[]; k_busy boolean[];
  -- requested postings (transfer and hold ops), ordered by op then posting
  r_op int[]; r_code text[]; r_idt text[]; r_cur text[]; r_amt bigint[]; r_aid uuid[]; r_k int[];
  r_entry uuid[]; r_seq bigint[]; r_after bigint[];
  n_r int; n_idt int;
  -- the stored pending postings of holds named by postHold / voidHold ops
  h_op int[]; h_aid uuid[]; h_cur text[]; h_amt bigint[]; h_k int[]; h_entry uuid[]; h_seq bigint[]; h_after bigint[];
  n_h int := 0; n_holdops int;
  -- the accounts of the call: user wallets by id, then the others by id
  a_id uuid[]; a_neg boolean[]; a_bal bigint[]; a_pd bigint[]; a_pc bigint[]; a_ver bigint[];
  a_bal0 bigint[]; a_pd0 bigint[]; a_pc0 bigint[]; a_ver0 bigint[];
  -- scratch
  i int; p int; q int; k int; f int; p1 int; p2 int; ptr_h int := 1; n_keyed int;
  v_t text; v_id uuid; v_fail int; v_pend boolean; v_amt bigint; v_expected int := 0; v_inserted int;
  v_sum bigint; v_mixed boolean; v_unbal boolean; v_badcur text; v_diff bigint;
  x_i int[]; x_id uuid[]; x_status text[]; x_hash text[]; x_kind text[]; x_meta jsonb[];
  -- hot accounts (not user wallets), locked late; the late locks' values
  a_hot boolean[]; a_key text[]; n_acc int; v_late boolean; v_hot_now boolean; x_bal bigint[]; x_pd bigint[]; x_pc bigint[]; x_ver bigint[];
  x_k int[]; x_base int[];
  v_result jsonb;
BEGIN
  v_columnar := jsonb_typeof(p_ops) = 'object';

  IF v_columnar THEN
    -- 1. Parse the columnar form: one C-level conversion of each array.
    SELECT x.t, x.kind, x.scope, x.key, x.hash, x.meta, x.exp, x.hold, x.pn, x.c, x.id, x.cur, x.a
      INTO o_t, o_kind, o_scope, o_key, o_hash, o_meta, o_exp, o_hold_txt, o_pn, r_code, r_idt, r_cur, r_amt
    FROM jsonb_to_record(p_ops) AS x(t text[], kind text[], scope text[], key text[], hash text[], meta jsonb[],
                                     exp float8[], hold text[], pn int[], c text[], id text[], cur text[], a bigint[]);
    n_ops := coalesce(cardinality(o_t), 0);
    IF n_ops = 0 THEN
      RETURN '{"id":[],"st":[],"rp":[],"err":[]}'::jsonb;
    END IF;
    IF cardinality(o_kind) IS DISTINCT FROM n_ops OR cardinality(o_scope) IS DISTINCT FROM n_ops
       OR cardinality(o_key) IS DISTINCT FROM n_ops OR cardinality(o_hash) IS DISTINCT FROM n_ops
       OR cardinality(o_meta) IS DISTINCT FROM n_ops OR cardinality(o_exp) IS DISTINCT FROM n_ops
       OR cardinality(o_hold_txt) IS DISTINCT FROM n_ops OR cardinality(o_pn) IS DISTINCT FROM n_ops THEN
      RAISE EXCEPTION 'ledger_apply: every per-op array must have % elements', n_ops USING ERRCODE = 'invalid_parameter_value';
    END IF;
    n_r := coalesce(cardinality(r_amt), 0);
    IF coalesce(cardinality(r_code), 0) <> n_r OR coalesce(cardinality(r_idt), 0) <> n_r
       OR coalesce(cardinality(r_cur), 0) <> n_r THEN
      RAISE EXCEPTION 'ledger_apply: every per-posting array must have % elements', n_r USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- posting ranges per op; only transfer and hold ops have postings
    o_p1 := array_fill(NULL::int, ARRAY[n_ops]);
    o_p2 := array_fill(NULL::int, ARRAY[n_ops]);
    o_hold := array_fill(NULL::uuid, ARRAY[n_ops]);
    o_err := array_fill(NULL::jsonb, ARRAY[n_ops]);
    n_keyed := 0;
    n_holdops := 0;
    p := 0;
    FOR i IN 1 .. n_ops LOOP
      k := o_pn[i];
      IF k IS NULL OR k < 0 THEN
        RAISE EXCEPTION 'ledger_apply: pn[%] must be a count of postings', i USING ERRCODE = 'invalid_parameter_value';
      END IF;
      v_t := o_t[i];
      IF v_t = 'transfer' OR v_t = 'hold' THEN
        IF o_scope[i] IS NULL THEN
          o_scope[i] := '';
        END IF;
        IF o_key[i] IS NOT NULL THEN
          n_keyed := n_keyed + 1;
        END IF;
        o_p1[i] := p + 1;
        o_p2[i] := p + k;
      ELSE
        o_key[i] := NULL;
        IF v_t = 'postHold' OR v_t = 'voidHold' THEN
          n_holdops := n_holdops + 1;
          o_hold[i] := ledger_try_uuid(o_hold_txt[i]);
        ELSE
          o_err[i] := '{"ok":false,"code":"INVALID_ENTRY","reason":"UNKNOWN_OP"}'::jsonb;
        END IF;
      END IF;
      p := p + k;
    END LOOP;
    IF p <> n_r THEN
      RAISE EXCEPTION 'ledger_apply: pn adds up to % postings, the posting arrays have %', p, n_r
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    n_idt := coalesce(cardinality(array_remove(r_idt, NULL)), 0); -- postings naming an account id
    IF n_keyed > 0 THEN
      SELECT array_agg(CASE WHEN x.key IS NOT NULL THEN x.first END ORDER BY x.i) INTO o_first
      FROM (
        SELECT u.i, u.key, (min(u.i) OVER (PARTITION BY u.scope, u.key))::int AS first
        FROM unnest(o_scope, o_key) WITH ORDINALITY AS u(scope, key, i)
      ) x;
    ELSE
      o_first := array_fill(NULL::int, ARRAY[n_ops]);
    END IF;
  ELSE
    -- 1'. The array-of-ops form (unchanged): keys only count on transfer and hold ops;
    --     o_first = first op with the same key.
    n_ops := jsonb_array_length(p_ops);
    IF n_ops IS NULL OR n_ops = 0 THEN
      RETURN '[]'::jsonb;
    END IF;
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
    o_err := o_shape;
  END IF;

  -- 2+3. Find every account of the call and lock the user wallets now, in id order: their
  --      available balance decides whether an op succeeds. The other accounts (merchant
  --      balances and platform accounts: the hot ones, that almost every call touches) are
  --      only read here; unless this call debits one that may not go negative, they are
  --      locked at the very end (step 7), just before their rows are written, so a call holds
  --      a hot account's lock only for its last statements and commit, and the next call's
  --      work overlaps with it. Until then their changes are computed from zero and added to
  --      the locked row in step 7. Every call locks in the same global order - wallets by id,
  --      then the rows of the holds it posts or voids (step 5), then the others by id - so calls
  --      cannot deadlock on accounts.
  IF n_idt = 0 AND n_holdops = 0 THEN
    -- Common case, every posting names its account by code: one statement. (The unique index
    -- on (code, currency) makes this an index probe per value whatever the statistics say.)
    WITH w AS (
      SELECT la.id, la.code, la.currency, la.may_go_negative, la.balance, la.pending_debits, la.pending_credits, la.version
      FROM ledger_accounts la
      WHERE (la.code, la.currency) IN (SELECT u.code, u.cur FROM unnest(r_code, r_cur) AS u(code, cur))
        AND la.kind = 'USER_WALLET'
      ORDER BY la.id
      FOR UPDATE
    ), n AS (
      SELECT w.*, false AS hot FROM w
      UNION ALL
      SELECT la.id, la.code, la.currency, la.may_go_negative, la.balance, la.pending_debits, la.pending_credits,
             la.version, true
      FROM ledger_accounts la
      WHERE (la.code, la.currency) IN (SELECT u.code, u.cur FROM unnest(r_code, r_cur) AS u(code, cur))
        AND la.kind <> 'USER_WALLET'
    )
    -- (one sort: every aggregate has the same ORDER BY)
    SELECT array_agg(n.id ORDER BY n.hot, n.id), array_agg(n.may_go_negative ORDER BY n.hot, n.id),
           array_agg(n.balance ORDER BY n.hot, n.id), array_agg(n.pending_debits ORDER BY n.hot, n.id),
           array_agg(n.pending_credits ORDER BY n.hot, n.id), array_agg(n.version ORDER BY n.hot, n.id),
           array_agg(n.hot ORDER BY n.hot, n.id), array_agg(n.code || chr(31) || n.currency ORDER BY n.hot, n.id)
      INTO a_id, a_neg, a_bal, a_pd, a_pc, a_ver, a_hot, a_key
    FROM n;
    -- each posting's account: its index in a_id (NULL when not found)
    r_k := array_fill(NULL::int, ARRAY[n_r]);
    r_aid := array_fill(NULL::uuid, ARRAY[n_r]);
    FOR p IN 1 .. n_r LOOP
      k := array_position(a_key, r_code[p] || chr(31) || r_cur[p]);
      r_k[p] := k;
      r_aid[p] := a_id[k];
    END LOOP;
  ELSE
    -- Accounts by code or id (an index probe each); the pending postings of holds to post or
    -- void (immutable rows: safe to read before locking).
    IF n_r > 0 THEN
      SELECT array_agg(a.id ORDER BY u.ord) INTO r_aid
      FROM unnest(r_code, r_idt, r_cur) WITH ORDINALITY AS u(code, idt, cur, ord)
      LEFT JOIN LATERAL (
        SELECT a1.id FROM ledger_accounts a1 WHERE u.code IS NOT NULL AND a1.code = u.code AND a1.currency = u.cur
        UNION ALL
        SELECT a2.id FROM ledger_accounts a2
        WHERE u.code IS NULL AND a2.id = ledger_try_uuid(u.idt) AND a2.currency = u.cur
        LIMIT 1
      ) a ON true;
    END IF;
    IF n_holdops > 0 THEN
      SELECT array_agg(u.i::int ORDER BY u.i, lp.id), array_agg(lp.account_id ORDER BY u.i, lp.id),
             array_agg(lp.currency ORDER BY u.i, lp.id), array_agg(lp.amount ORDER BY u.i, lp.id)
        INTO h_op, h_aid, h_cur, h_amt
      FROM unnest(o_hold) WITH ORDINALITY AS u(hold, i)
      CROSS JOIN LATERAL (
        SELECT p.id, p.account_id, p.currency, p.amount FROM ledger_postings p WHERE p.entry_id = u.hold AND p.pending
      ) lp
      WHERE u.hold IS NOT NULL;
      n_h := coalesce(array_length(h_op, 1), 0);
    END IF;

    WITH w AS (
      SELECT la.id, la.may_go_negative, la.balance, la.pending_debits, la.pending_credits, la.version
      FROM ledger_accounts la
      WHERE la.id = ANY (array_cat(r_aid, h_aid)) AND la.kind = 'USER_WALLET'
      ORDER BY la.id
      FOR UPDATE
    ), n AS (
      SELECT w.*, false AS hot FROM w
      UNION ALL
      SELECT la.id, la.may_go_negative, la.balance, la.pending_debits, la.pending_credits, la.version, true
      FROM ledger_accounts la
      WHERE la.id = ANY (array_cat(r_aid, h_aid)) AND la.kind <> 'USER_WALLET'
    )
    SELECT array_agg(n.id ORDER BY n.hot, n.id), array_agg(n.may_go_negative ORDER BY n.hot, n.id),
           array_agg(n.balance ORDER BY n.hot, n.id), array_agg(n.pending_debits ORDER BY n.hot, n.id),
           array_agg(n.pending_credits ORDER BY n.hot, n.id), array_agg(n.version ORDER BY n.hot, n.id),
           array_agg(n.hot ORDER BY n.hot, n.id)
      INTO a_id, a_neg, a_bal, a_pd, a_pc, a_ver, a_hot
    FROM n;
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

  -- Late or not: a hot account this call debits and that may not go negative (a merchant's
  -- refund or payout) needs its balance before the ops are applied, so then every hot
  -- account of the call is locked before step 6 (after the wallets and the holds of step 5:
  -- the same global order as the late locks). Otherwise the hot accounts start from 0.
  n_acc := coalesce(cardinality(a_id), 0);
  v_hot_now := false;
  FOR p IN 1 .. n_r LOOP
    k := r_k[p];
    IF k IS NOT NULL AND a_hot[k] AND NOT a_neg[k] AND r_amt[p] < 0 THEN
      v_hot_now := true;
      EXIT;
    END IF;
  END LOOP;
  v_late := false;
  IF NOT v_hot_now THEN
    FOR k IN 1 .. n_acc LOOP
      IF a_hot[k] THEN
        v_late := true;
        a_bal[k] := 0; a_pd[k] := 0; a_pc[k] := 0; a_ver[k] := 0;
      END IF;
    END LOOP;
  END IF;
  -- The clock is read while the wallets' locks are held (read again once the hot accounts
  -- are locked, before step 6 or in step 7).
  v_now := clock_timestamp();
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
  o_expires := array_fill(NULL::timestamptz, ARRAY[n_ops]);
  o_won := array_fill(false, ARRAY[n_ops]);

  -- 4. Keys: claim each distinct key of the call (advisory try-lock until the end of the
  --    transaction; never waits), then look them all up. A key stored already replays or
  --    conflicts, even if another transaction still holds its claim (it may be in the middle
  --    of releasing its locks after commit); a key not stored and held elsewhere is in
  --    progress there.
  k_id := array_fill(NULL::uuid, ARRAY[n_ops]);
  k_status := array_fill(NULL::text, ARRAY[n_ops]);
  k_hash := array_fill(NULL::text, ARRAY[n_ops]);
  k_busy := array_fill(false, ARRAY[n_ops]);
  IF n_keyed > 0 THEN
    SELECT array_agg(c.i ORDER BY c.i) FILTER (WHERE NOT c.claimed) INTO x_i
    FROM (
      SELECT u.i::int AS i,
             pg_try_advisory_xact_lock(hashtextextended(u.scope || chr(31) || u.key, 6148914691236517205)) AS claimed
      FROM unnest(o_scope, o_key, o_first) WITH ORDINALITY AS u(scope, key, first, i)
      WHERE u.key IS NOT NULL AND u.first = u.i
      ORDER BY u.i
    ) c;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      k_busy[x_i[p]] := true;
    END LOOP;
    SELECT array_agg(u.i::int ORDER BY u.i), array_agg(e.id ORDER BY u.i), array_agg(e.status ORDER BY u.i),
           array_agg(e.request_hash ORDER BY u.i)
      INTO x_i, x_id, x_status, x_hash
    FROM unnest(o_scope, o_key, o_first) WITH ORDINALITY AS u(scope, key, first, i)
    CROSS JOIN LATERAL (
      SELECT je.id, je.status, je.request_hash FROM journal_entries je
      WHERE je.idempotency_scope = u.scope AND je.idempotency_key = u.key
      LIMIT 1
    ) e
    WHERE u.key IS NOT NULL AND u.first = u.i;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      k_id[x_i[p]] := x_id[p];
      k_status[x_i[p]] := x_status[p];
      k_hash[x_i[p]] := x_hash[p];
    END LOOP;
  END IF;

  -- 5. Post/void races: the first op of this call per hold tries. It locks the hold's row
  --    while the hold is still PENDING (and, to be posted, not expired); that row lock orders
  --    it against any other transaction (which then finds it no longer PENDING), so exactly
  --    one wins. The winners' new status is written in step 7, with the final clock.
  IF n_holdops > 0 THEN
    WITH first_op AS (
      SELECT DISTINCT ON (u.hold) u.hold, u.i::int AS i, o_t[u.i] AS t
      FROM unnest(o_hold) WITH ORDINALITY AS u(hold, i)
      WHERE u.hold IS NOT NULL
      ORDER BY u.hold, u.i
    ), won AS (
      SELECT f.i, e.kind, e.metadata
      FROM journal_entries e
      JOIN first_op f ON e.id = f.hold
      WHERE e.id = ANY (o_hold) AND e.status = 'PENDING'
        AND (f.t = 'voidHold' OR e.expires_at IS NULL OR e.expires_at > v_now)
      FOR UPDATE OF e
    )
    SELECT array_agg(won.i ORDER BY won.i), array_agg(won.kind ORDER BY won.i), array_agg(won.metadata ORDER BY won.i)
      INTO x_i, x_kind, x_meta
    FROM won;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      o_won[x_i[p]] := true;
      o_kind[x_i[p]] := x_kind[p];
      o_meta[x_i[p]] := x_meta[p];
    END LOOP;
    -- the others: why not (a duplicate of a hold won in this call sees that op's outcome)
    SELECT array_agg(u.i::int ORDER BY u.i),
           array_agg(coalesce(w.st, CASE WHEN e.status = 'PENDING' THEN 'EXPIRED' ELSE e.status END, 'NOT_FOUND') ORDER BY u.i)
      INTO x_i, x_status
    FROM unnest(o_t, o_won, o_hold) WITH ORDINALITY AS u(t, won, hold, i)
    LEFT JOIN LATERAL (SELECT je.status FROM journal_entries je WHERE je.id = u.hold LIMIT 1) e ON true
    LEFT JOIN LATERAL (
      SELECT CASE WHEN v.t = 'postHold' THEN 'POSTED' ELSE 'VOIDED' END AS st
      FROM unnest(o_t, o_won, o_hold) AS v(t, won, hold)
      WHERE v.won AND v.hold = u.hold
      LIMIT 1
    ) w ON true
    WHERE u.t IN ('postHold', 'voidHold') AND NOT u.won;
    FOR p IN 1 .. coalesce(array_length(x_i, 1), 0) LOOP
      o_err[x_i[p]] := jsonb_build_object('ok', false, 'code', 'HOLD_NOT_PENDING', 'holdId',
                                          CASE WHEN v_columnar THEN coalesce(o_hold_txt[x_i[p]], '')
                                               ELSE coalesce(p_ops -> (x_i[p] - 1) ->> 'hold', '') END,
                                          'status', x_status[p]);
    END LOOP;
  END IF;

  -- The hot accounts, now rather than late (see above): locked and read in id order; they
  -- are the tail of a_id, in the same order.
  IF v_hot_now THEN
    SELECT array_agg(la.balance ORDER BY la.id), array_agg(la.pending_debits ORDER BY la.id),
           array_agg(la.pending_credits ORDER BY la.id), array_agg(la.version ORDER BY la.id)
      INTO x_bal, x_pd, x_pc, x_ver
    FROM (
      SELECT l.id, l.balance, l.pending_debits, l.pending_credits, l.version FROM ledger_accounts l
      WHERE l.id = ANY (a_id) AND l.kind <> 'USER_WALLET'
      ORDER BY l.id
      FOR UPDATE
    ) la;
    q := n_acc - coalesce(cardinality(x_bal), 0);
    FOR p IN 1 .. coalesce(cardinality(x_bal), 0) LOOP
      a_bal[q + p] := x_bal[p]; a_pd[q + p] := x_pd[p]; a_pc[q + p] := x_pc[p]; a_ver[q + p] := x_ver[p];
    END LOOP;
    a_bal0 := a_bal; a_pd0 := a_pd; a_pc0 := a_pc; a_ver0 := a_ver;
    -- read again with these locks held too: per account, created_at follows account_seq
    v_now := clock_timestamp();
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
      IF f IS NOT NULL AND k_busy[f] THEN
        -- not stored (committed) yet, and claimed by another transaction: in flight there
        o_err[i] := '{"ok":false,"code":"IDEMPOTENCY_IN_PROGRESS"}'::jsonb;
        CONTINUE;
      END IF;
      p1 := o_p1[i];
      p2 := o_p2[i];
      IF v_columnar THEN
        -- the shape of the op (the array form checked it while parsing)
        IF p2 - p1 < 1 THEN
          o_err[i] := '{"ok":false,"code":"INVALID_ENTRY","reason":"TOO_FEW_POSTINGS"}'::jsonb;
          CONTINUE;
        END IF;
        v_sum := 0;
        v_mixed := false;
        FOR p IN p1 .. p2 LOOP
          v_amt := r_amt[p];
          IF v_amt = 0 THEN
            o_err[i] := '{"ok":false,"code":"INVALID_ENTRY","reason":"ZERO_POSTING"}'::jsonb;
            EXIT;
          END IF;
          v_sum := v_sum + v_amt;
          IF r_cur[p] IS DISTINCT FROM r_cur[p1] THEN
            v_mixed := true;
          END IF;
        END LOOP;
        CONTINUE WHEN o_err[i] IS NOT NULL;
        IF o_key[i] IS NOT NULL AND o_hash[i] IS NULL THEN
          o_err[i] := '{"ok":false,"code":"INVALID_ENTRY","reason":"INVALID_IDEMPOTENCY_KEY"}'::jsonb;
          CONTINUE;
        END IF;
        v_unbal := false;
        IF v_mixed THEN
          -- per currency, the first in posting order whose postings do not sum to zero
          FOR p IN p1 .. p2 LOOP
            v_diff := 0;
            FOR q IN p1 .. p2 LOOP
              IF r_cur[q] IS NOT DISTINCT FROM r_cur[p] THEN
                v_diff := v_diff + r_amt[q];
              END IF;
            END LOOP;
            IF v_diff <> 0 THEN
              v_badcur := r_cur[p];
              v_unbal := true;
              EXIT;
            END IF;
          END LOOP;
        ELSIF v_sum <> 0 THEN
          v_badcur := r_cur[p1];
          v_diff := v_sum;
          v_unbal := true;
        END IF;
        IF v_unbal THEN
          o_err[i] := jsonb_build_object('ok', false, 'code', 'UNBALANCED_ENTRY', 'currency', v_badcur, 'difference', v_diff::text);
          CONTINUE;
        END IF;
      END IF;
      CONTINUE WHEN o_err[i] IS NOT NULL;

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
    ELSIF o_err[i] IS NULL THEN
      o_err[i] := '{"ok":false,"code":"INVALID_ENTRY","reason":"UNKNOWN_OP"}'::jsonb;
    END IF;
  END LOOP;

  -- 7. Write.
  IF v_expected > 0 AND n_keyed = 0 THEN
    -- no key in this call: nothing can conflict, a plain INSERT (no speculative insertion)
    INSERT INTO journal_entries (id, kind, status, idempotency_scope, metadata, hold_id, expires_at, created_at)
    SELECT u.id, u.kind, u.status, coalesce(u.scope, ''),
           CASE WHEN jsonb_typeof(u.meta) = 'object' THEN u.meta ELSE '{}'::jsonb END,
           CASE WHEN u.t = 'postHold' THEN u.hold END, u.exp, v_now
    FROM unnest(o_id, o_new, o_t, o_kind, o_status, o_scope, o_meta, o_hold, o_expires)
      AS u(id, new, t, kind, status, scope, meta, hold, exp)
    WHERE u.new;
  ELSIF v_expected > 0 THEN
    WITH ins AS (
      INSERT INTO journal_entries (id, kind, status, idempotency_scope, idempotency_key, request_hash, metadata, hold_id,
                                   expires_at, created_at)
      SELECT u.id, u.kind, u.status, coalesce(u.scope, ''), u.key, CASE WHEN u.key IS NOT NULL THEN u.hash END,
             CASE WHEN jsonb_typeof(u.meta) = 'object' THEN u.meta ELSE '{}'::jsonb END,
             CASE WHEN u.t = 'postHold' THEN u.hold END, u.exp, v_now
      FROM unnest(o_id, o_new, o_t, o_kind, o_status, o_scope, o_key, o_hash, o_meta, o_hold, o_expires)
        AS u(id, new, t, kind, status, scope, key, hash, meta, hold, exp)
      WHERE u.new
      ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING
      RETURNING 1
    )
    SELECT count(*) INTO v_inserted FROM ins;
    IF v_inserted <> v_expected THEN
      -- only a writer that bypasses ledger_apply (and its key claims) can get here
      RAISE EXCEPTION 'ledger: an idempotency key of this call was claimed concurrently; retry the call'
        USING ERRCODE = 'serialization_failure';
    END IF;
  END IF;

  IF v_late AND n_holdops = 0 THEN
    -- The late locks (no hold changes in this call): the hot accounts this call changes, in
    -- id order, read as they are once locked. Their values are added here to the changes
    -- computed from zero, so the lean statement below writes this call too (a smaller plan to
    -- set up than the one with lk/ts/held below: ~5% less database CPU per call in W2).
    SELECT array_agg(l.k ORDER BY l.id), array_agg(l.balance ORDER BY l.id), array_agg(l.pending_debits ORDER BY l.id),
           array_agg(l.pending_credits ORDER BY l.id), array_agg(l.version ORDER BY l.id)
      INTO x_k, x_bal, x_pd, x_pc, x_ver
    FROM (
      SELECT u.k::int AS k, la.id, la.balance, la.pending_debits, la.pending_credits, la.version
      FROM ledger_accounts la
      JOIN unnest(a_id, a_hot, a_bal, a_pd, a_pc, a_ver) WITH ORDINALITY AS u(id, hot, bal, pd, pc, ver, k) ON la.id = u.id
      WHERE u.hot AND (u.bal <> 0 OR u.pd <> 0 OR u.pc <> 0 OR u.ver <> 0)
      ORDER BY la.id
      FOR UPDATE OF la
    ) l;
    x_base := array_fill(NULL::int, ARRAY[n_acc]);
    FOR q IN 1 .. coalesce(cardinality(x_k), 0) LOOP
      k := x_k[q];
      x_base[k] := q;
      a_bal[k] := a_bal[k] + x_bal[q];
      a_pd[k] := a_pd[k] + x_pd[q];
      a_pc[k] := a_pc[k] + x_pc[q];
      a_ver[k] := a_ver[k] + x_ver[q];
    END LOOP;
    -- a hot account's postings: account_seq and balance_after were counted from zero
    -- (a pending posting's stay NULL)
    FOR p IN 1 .. n_r LOOP
      q := x_base[r_k[p]];
      IF q IS NOT NULL THEN
        r_seq[p] := r_seq[p] + x_ver[q];
        r_after[p] := r_after[p] + x_bal[q];
      END IF;
    END LOOP;
    -- the clock, read with every lock held (per account, created_at follows account_seq)
    v_now := clock_timestamp();
  END IF;

  IF n_holdops = 0 THEN
    -- Every account is locked (the hot ones just above, if late) and no hold changes: the
    -- postings and the accounts' new values, in a statement with no more in it (each
    -- statement's plan is set up again at every call, so the lean one is measurably cheaper
    -- for the many calls of this kind).
    WITH posted AS (
      INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after, created_at)
      SELECT uuidv7(), u.entry, u.aid, u.cur, u.amt, u.seq IS NULL, u.seq, u.after, v_now
      FROM unnest(r_entry, r_aid, r_cur, r_amt, r_seq, r_after) AS u(entry, aid, cur, amt, seq, after)
      WHERE u.entry IS NOT NULL
    )
    UPDATE ledger_accounts la
    SET balance = u.bal, pending_debits = u.pd, pending_credits = u.pc, version = u.ver
    FROM unnest(a_id, a_bal, a_pd, a_pc, a_ver, a_bal0, a_pd0, a_pc0, a_ver0)
      AS u(id, bal, pd, pc, ver, bal0, pd0, pc0, ver0)
    WHERE la.id = u.id AND (u.bal <> u.bal0 OR u.pd <> u.pd0 OR u.pc <> u.pc0 OR u.ver <> u.ver0);
  ELSE
    -- The late locks: the hot accounts this call changes, in id order, after the wallets
    -- (unless they were locked before step 6). In a statement of their own: when the lock was held
    -- by a call that then committed, PostgreSQL re-checks the row against its new version
    -- (EvalPlanQual, which sets up the statement's plan again) - cheap on this small plan,
    -- ~8% of the database's CPU when it was part of the write statement below. That statement
    -- starts once the locks are held, so it reads and updates the rows as they are now.
    IF v_late THEN
      PERFORM 1 FROM (
        SELECT la.id
        FROM ledger_accounts la
        JOIN unnest(a_id, a_hot, a_bal, a_pd, a_pc, a_ver) AS u(id, hot, bal, pd, pc, ver) ON la.id = u.id
        WHERE u.hot AND (u.bal <> 0 OR u.pd <> 0 OR u.pc <> 0 OR u.ver <> 0)
        ORDER BY la.id
        FOR UPDATE OF la
      ) l;
    END IF;

    -- One statement writes the rest: (lk) the locked hot accounts' values; (ts) the clock, read
    -- with every lock held (per account, created_at follows account_seq); the hold statuses;
    -- the postings, whose hot-account balance_after and account_seq were computed from zero
    -- and get the locked row's values added; the accounts' new values (the same for a hot
    -- account).
    WITH lk AS (
      SELECT u.k::int AS k, la.id, la.balance, la.pending_debits, la.pending_credits, la.version
      FROM ledger_accounts la
      JOIN unnest(a_id, a_hot, a_bal, a_pd, a_pc, a_ver) WITH ORDINALITY AS u(id, hot, bal, pd, pc, ver, k) ON la.id = u.id
      WHERE v_late AND u.hot AND (u.bal <> 0 OR u.pd <> 0 OR u.pc <> 0 OR u.ver <> 0)
    ), ts AS (
      SELECT clock_timestamp() AS t
    ), held AS (
      UPDATE journal_entries e
      SET status = CASE WHEN u.t = 'postHold' THEN 'POSTED' ELSE 'VOIDED' END, resolved_at = ts.t
      FROM unnest(o_t, o_won, o_hold) AS u(t, won, hold), ts
      WHERE u.won AND e.id = u.hold
    ), posted AS (
      INSERT INTO ledger_postings (id, entry_id, account_id, currency, amount, pending, account_seq, balance_after, created_at)
      SELECT uuidv7(), u.entry, u.aid, u.cur, u.amt, u.seq IS NULL, u.seq + coalesce(lk.version, 0),
             u.after + coalesce(lk.balance, 0), ts.t
      FROM unnest(r_entry, r_aid, r_cur, r_amt, r_seq, r_after, r_k) AS u(entry, aid, cur, amt, seq, after, k)
      CROSS JOIN ts
      LEFT JOIN lk ON lk.k = u.k
      WHERE u.entry IS NOT NULL
      UNION ALL
      SELECT uuidv7(), u.entry, u.aid, u.cur, u.amt, false, u.seq + coalesce(lk.version, 0),
             u.after + coalesce(lk.balance, 0), ts.t
      FROM unnest(h_entry, h_aid, h_cur, h_amt, h_seq, h_after, h_k) AS u(entry, aid, cur, amt, seq, after, k)
      CROSS JOIN ts
      LEFT JOIN lk ON lk.k = u.k
      WHERE u.entry IS NOT NULL
    )
    UPDATE ledger_accounts la
    SET balance = u.bal + coalesce(lk.balance, 0), pending_debits = u.pd + coalesce(lk.pending_debits, 0),
        pending_credits = u.pc + coalesce(lk.pending_credits, 0), version = u.ver + coalesce(lk.version, 0)
    FROM unnest(a_id, a_bal, a_pd, a_pc, a_ver, a_bal0, a_pd0, a_pc0, a_ver0)
           WITH ORDINALITY AS u(id, bal, pd, pc, ver, bal0, pd0, pc0, ver0, k)
    CROSS JOIN ts
    LEFT JOIN lk ON lk.k = u.k
    WHERE la.id = u.id AND (u.bal <> u.bal0 OR u.pd <> u.pd0 OR u.pc <> u.pc0 OR u.ver <> u.ver0);
  END IF;

  IF v_columnar THEN
    RETURN jsonb_build_object('id', o_id, 'st', o_status, 'rp', o_replayed, 'err', o_err);
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
$function$;
