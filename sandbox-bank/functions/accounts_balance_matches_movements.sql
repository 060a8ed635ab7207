-- sandbox_bank.accounts_balance_matches_movements as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION sandbox_bank.accounts_balance_matches_movements()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  current_balance bigint;
  booked bigint;
BEGIN
  SELECT balance INTO current_balance FROM sandbox_bank.accounts WHERE account_number = NEW.account_number;
  booked := sandbox_bank.balance_after_last_movement(NEW.account_number);
  IF current_balance IS DISTINCT FROM booked THEN
    RAISE EXCEPTION 'sandbox bank: account % balance % differs from its movements (%)', NEW.account_number, current_balance, booked
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $function$;
