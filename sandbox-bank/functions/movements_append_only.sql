-- sandbox_bank.movements_append_only as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION sandbox_bank.movements_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'sandbox bank: movements are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $function$;
