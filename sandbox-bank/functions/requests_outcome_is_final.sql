-- sandbox_bank.requests_outcome_is_final as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION sandbox_bank.requests_outcome_is_final()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF OLD.status IN ('SUCCEEDED', 'FAILED') AND (NEW.status IS DISTINCT FROM OLD.status
      OR NEW.failure_reason IS DISTINCT FROM OLD.failure_reason) THEN
    RAISE EXCEPTION 'sandbox bank: request % is already %', OLD.reference, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $function$;
