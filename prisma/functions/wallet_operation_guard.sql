-- public.wallet_operation_guard as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.wallet_operation_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF OLD.status <> 'PENDING' AND NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION 'wallet operation % is already %', OLD.id, OLD.status USING ERRCODE = 'WB001';
  END IF;
  IF NEW.amount <> OLD.amount OR NEW.fee <> OLD.fee OR NEW.currency <> OLD.currency OR NEW.user_id <> OLD.user_id
     OR NEW.kind <> OLD.kind OR NEW.idempotency_key <> OLD.idempotency_key THEN
    RAISE EXCEPTION 'wallet operation % money fields are immutable', OLD.id USING ERRCODE = 'WB002';
  END IF;
  RETURN NEW;
END $function$;
