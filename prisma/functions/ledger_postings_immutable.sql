-- public.ledger_postings_immutable as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_postings_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'ledger: % on ledger_postings is not allowed: postings are immutable, post a correcting entry', TG_OP
    USING ERRCODE = 'LB002';
END
$function$;
