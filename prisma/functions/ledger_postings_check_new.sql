-- public.ledger_postings_check_new as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_postings_check_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_xact bigint := pg_current_xact_id()::text::bigint;
  v_entry uuid;
  v_account uuid;
  v_bad_entry boolean;
BEGIN
  -- each new posting: its entry was created by this top-level transaction (savepoints are
  -- fine; a committed entry never gains postings), and its account exists in its currency.
  -- (LATERAL ... LIMIT 1: an index probe per posting, never a scan of the whole table)
  SELECT n.entry_id, n.account_id, e.id IS NULL OR e.created_xact <> v_xact
    INTO v_entry, v_account, v_bad_entry
  FROM new_postings n
  LEFT JOIN LATERAL (SELECT e.id, e.created_xact FROM journal_entries e WHERE e.id = n.entry_id LIMIT 1) e ON true
  LEFT JOIN LATERAL (SELECT a.id FROM ledger_accounts a WHERE a.id = n.account_id AND a.currency = n.currency LIMIT 1) a ON true
  WHERE e.id IS NULL OR e.created_xact <> v_xact OR a.id IS NULL
  LIMIT 1;
  IF FOUND AND v_bad_entry THEN
    RAISE EXCEPTION 'ledger: postings may only be added to an entry created in the same transaction (entry %)', v_entry
      USING ERRCODE = 'LB002';
  ELSIF FOUND THEN
    RAISE EXCEPTION 'ledger: a posting names account % which does not exist in the posting''s currency', v_account
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$function$;
