-- The commit-time entry check (ledger_check_entries) read the postings of the new entries
-- with a join the planner was free to run as a hash join over a sequential scan of ALL of
-- ledger_postings: it did so whenever the table's statistics were missing or stale (a
-- fresh or fast-growing table: no ndistinct for entry_id, so ~90 postings per entry
-- guessed), which cost a scan of the whole table at every commit (measured: 3-5 ms per
-- ledger_apply call at 20,000 postings, growing with the table). Same check, same errors,
-- written so that each entry is one index probe on ledger_postings_entry_id_idx whatever
-- the statistics say (a LATERAL subquery per entry). An entry without postings still
-- yields a row (an aggregate without GROUP BY) with n = 0 and is refused.
CREATE OR REPLACE FUNCTION ledger_check_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
  v_postings int;
  v_unbalanced text;
  v_kind_ok boolean;
  v_pending boolean;
BEGIN
  -- the first entry that is wrong, if any (per entry and currency, then per entry)
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
