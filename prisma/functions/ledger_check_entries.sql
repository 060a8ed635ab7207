-- public.ledger_check_entries as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_check_entries()
 RETURNS trigger
 LANGUAGE plpgsql
 SET enable_seqscan TO 'off'
AS $function$
DECLARE
  v_id uuid;
  v_postings int;
  v_unbalanced text;
  v_kind_ok boolean;
  v_pending boolean;
  v_total numeric;
  v_currency text;
  v_mixed boolean;
BEGIN
  -- the first entry that is wrong, or that mixes currencies, if any; the marker row goes in
  -- the same statement (an error below rolls its deletion back with everything else)
  WITH done AS (DELETE FROM ledger_entry_checks WHERE id = NEW.id)
  SELECT u.id, c.n, c.total, c.cur, c.mixed, c.kind_ok, u.pending
    INTO v_id, v_postings, v_total, v_currency, v_mixed, v_kind_ok, v_pending
  FROM unnest(NEW.entry_ids, NEW.pending) AS u(id, pending)
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n, sum(p.amount) AS total, min(p.currency) AS cur,
           min(p.currency) IS DISTINCT FROM max(p.currency) AS mixed,
           coalesce(bool_and(p.pending = u.pending), true) AS kind_ok
    FROM ledger_postings p
    WHERE p.entry_id = u.id
  ) c
  WHERE c.n < 2 OR NOT c.kind_ok OR c.mixed OR c.total <> 0
  LIMIT 1;
  IF FOUND AND v_mixed THEN
    -- per entry and currency, then per entry (as before this migration)
    SELECT u.id, c.n, c.unbalanced, c.kind_ok, u.pending
      INTO v_id, v_postings, v_unbalanced, v_kind_ok, v_pending
    FROM unnest(NEW.entry_ids, NEW.pending) AS u(id, pending)
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(x.n), 0)::int AS n, coalesce(bool_and(x.kind_ok), true) AS kind_ok,
             min(CASE WHEN x.total <> 0 THEN x.currency || ' postings sum to ' || x.total END) AS unbalanced
      FROM (
        SELECT p.currency, sum(p.amount) AS total, count(*) AS n, bool_and(p.pending = u.pending) AS kind_ok
        FROM ledger_postings p
        WHERE p.entry_id = u.id
        GROUP BY p.currency
      ) x
    ) c
    WHERE c.unbalanced IS NOT NULL OR c.n < 2 OR NOT c.kind_ok
    LIMIT 1;
  ELSIF FOUND AND v_total <> 0 THEN
    v_unbalanced := v_currency || ' postings sum to ' || v_total;
  END IF;
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
  RETURN NULL;
END
$function$;
