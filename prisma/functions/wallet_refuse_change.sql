-- public.wallet_refuse_change as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.wallet_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'WB003';
END $function$;
