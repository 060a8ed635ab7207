-- sandbox_bank.balance_after_last_movement as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION sandbox_bank.balance_after_last_movement(acct text)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE((
    SELECT CASE WHEN m.to_account = acct THEN m.to_balance_after ELSE m.from_balance_after END
    FROM (
      (SELECT id, to_account, to_balance_after, from_balance_after FROM sandbox_bank.movements
        WHERE to_account = acct ORDER BY id DESC LIMIT 1)
      UNION ALL
      (SELECT id, to_account, to_balance_after, from_balance_after FROM sandbox_bank.movements
        WHERE from_account = acct ORDER BY id DESC LIMIT 1)
    ) m ORDER BY m.id DESC LIMIT 1), 0)
$function$;
