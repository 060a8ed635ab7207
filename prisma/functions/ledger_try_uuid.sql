-- public.ledger_try_uuid as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_try_uuid(p text)
 RETURNS uuid
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT CASE WHEN p ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN p::uuid END
$function$;
