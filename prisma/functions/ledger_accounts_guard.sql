-- public.ledger_accounts_guard as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_accounts_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'ledger: % on ledger_accounts is not allowed: accounts are never deleted', TG_OP
    USING ERRCODE = 'LB003';
END
$function$;
