-- public.ledger_entries_guard as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.ledger_entries_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.status = 'PENDING' AND NEW.status IN ('POSTED', 'VOIDED') AND NEW.resolved_at IS NOT NULL
     AND NEW.id = OLD.id AND NEW.kind = OLD.kind
     AND NEW.idempotency_scope = OLD.idempotency_scope
     AND NEW.idempotency_key IS NOT DISTINCT FROM OLD.idempotency_key
     AND NEW.request_hash IS NOT DISTINCT FROM OLD.request_hash
     AND NEW.metadata = OLD.metadata
     AND NEW.hold_id IS NOT DISTINCT FROM OLD.hold_id
     AND NEW.expires_at IS NOT DISTINCT FROM OLD.expires_at
     AND NEW.created_at = OLD.created_at
     AND NEW.created_xact = OLD.created_xact THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger: % on journal_entries is not allowed: only a PENDING hold may become POSTED or VOIDED', TG_OP
    USING ERRCODE = 'LB003';
END
$function$;
