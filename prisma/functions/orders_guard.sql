-- public.orders_guard as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.orders_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.amount <> OLD.amount OR NEW.currency <> OLD.currency OR NEW.merchant_id <> OLD.merchant_id
     OR NEW.merchant_order_no <> OLD.merchant_order_no THEN
    RAISE EXCEPTION 'order % money fields are immutable', OLD.id USING ERRCODE = 'WB004';
  END IF;
  IF OLD.status IN ('CLOSED', 'EXPIRED') AND NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION 'order % is already %', OLD.id, OLD.status USING ERRCODE = 'WB005';
  END IF;
  IF OLD.payment_operation_id IS NOT NULL AND NEW.payment_operation_id IS DISTINCT FROM OLD.payment_operation_id THEN
    RAISE EXCEPTION 'order % is already paid by another operation', OLD.id USING ERRCODE = 'WB006';
  END IF;
  IF NEW.refunded_amount < OLD.refunded_amount THEN
    RAISE EXCEPTION 'order % refunded amount cannot decrease', OLD.id USING ERRCODE = 'WB007';
  END IF;
  RETURN NEW;
END $function$;
