-- public.ledger_refuse_optimistic_call as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_refuse_optimistic_call(p_id uuid)
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'ledger: account % has not the funds this call expected; ledger_apply decides it', p_id
    USING ERRCODE = 'LB004';
END
$function$;
