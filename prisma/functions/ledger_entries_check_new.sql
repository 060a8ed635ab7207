-- public.ledger_entries_check_new as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_entries_check_new()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_forged uuid;
BEGIN
  -- created_xact decides which transaction may add postings to an entry: never forged.
  WITH agg AS (
    SELECT array_agg(n.id) AS ids, array_agg(n.status = 'PENDING') AS pending,
           (array_agg(n.id) FILTER (WHERE n.created_xact IS DISTINCT FROM pg_current_xact_id()::text::bigint))[1] AS forged
    FROM new_entries n
  ), marker AS (
    INSERT INTO ledger_entry_checks (entry_ids, pending)
    SELECT agg.ids, agg.pending FROM agg WHERE agg.ids IS NOT NULL AND agg.forged IS NULL
  )
  SELECT agg.forged INTO v_forged FROM agg;
  IF v_forged IS NOT NULL THEN
    RAISE EXCEPTION 'ledger: entry % must keep the default created_xact (its own transaction)', v_forged
      USING ERRCODE = 'LB003';
  END IF;
  RETURN NULL;
END
$function$;
