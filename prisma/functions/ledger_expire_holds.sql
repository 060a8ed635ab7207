-- public.ledger_expire_holds as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_expire_holds(p_limit integer DEFAULT 500)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_ops jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('t', 'voidHold', 'hold', s.id) ORDER BY s.expires_at, s.id) INTO v_ops
  FROM (
    SELECT je.id, je.expires_at FROM journal_entries je
    WHERE je.status = 'PENDING' AND je.expires_at <= clock_timestamp()
    ORDER BY je.expires_at
    LIMIT greatest(p_limit, 0)
    FOR UPDATE SKIP LOCKED
  ) s;
  IF v_ops IS NULL THEN
    RETURN 0;
  END IF;
  RETURN (SELECT count(*) FROM jsonb_array_elements(ledger_apply(v_ops)) r WHERE (r->>'ok')::boolean);
END
$function$;
