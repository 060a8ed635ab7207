-- public.wallet_pay_order_from_balance as the migrations define it (a test checks). To change it, edit it here, then run `npm run db:functions:migration -- <name>`.
CREATE OR REPLACE FUNCTION public.wallet_pay_order_from_balance(p jsonb, p_ledger_batch jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
-- A checkout payment from the balance in ONE round trip (server/orders/pay-order-from-balance.ts
-- prepares p from an unlocked read of the order and explains why). The same checks, in the same
-- order, and the same rows as the step-by-step use case it replaced: lock the order, refuse the
-- shop's own order, lock the customer, answer a reused key with the first operation, refuse a
-- frozen customer, the limits, an order no longer payable on this clock and a frozen merchant;
-- then the ledger entry (ledger_apply; the merchant's and the fee account's rows are locked from
-- here to the commit, microseconds later), the SUCCEEDED operation with its REQUESTED and SETTLED
-- events, the PAID order with its event, the receipt and the merchant's order.paid notification.
-- A refusal returns before anything is written; the caller runs this as its own transaction.
DECLARE
  v_user uuid := (p->>'user_id')::uuid;
  v_order_id uuid := (p->>'order_id')::uuid;
  v_order record;
  v_merchant record;
  v_user_frozen boolean;
  v_existing record;
  v_used bigint;
  v_limit_op bigint := (p->>'limit_per_operation')::bigint;
  v_limit_day bigint := (p->>'limit_per_day')::bigint;
  v_result jsonb;
  v_entry uuid;
  v_operation uuid := (p->>'operation_id')::uuid;
BEGIN
  SELECT o.status, (o.status = 'PENDING' AND o.expires_at > now()) AS open, o.merchant_id, o.amount, o.currency
    INTO v_order FROM orders o WHERE o.id = v_order_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'ORDER_NOT_FOUND');
  END IF;
  -- p was prepared from a read of these (immutable: orders_guard) columns.
  IF v_order.merchant_id <> (p->>'merchant_id')::uuid OR v_order.amount <> (p->>'amount')::bigint
     OR v_order.currency <> p->>'currency' THEN
    RAISE EXCEPTION 'order % does not match the payment prepared for it', v_order_id USING ERRCODE = 'WB010';
  END IF;

  SELECT m.user_id, u.frozen_at IS NOT NULL AS frozen INTO v_merchant
    FROM merchants m JOIN users u ON u.id = m.user_id WHERE m.id = v_order.merchant_id;
  IF v_merchant.user_id = v_user THEN
    RETURN jsonb_build_object('outcome', 'OWN_ORDER');
  END IF;

  -- One money operation per customer at a time, so the daily limit cannot be raced.
  SELECT frozen_at IS NOT NULL INTO v_user_frozen FROM users WHERE id = v_user FOR UPDATE;
  SELECT id, request_hash INTO v_existing FROM wallet_operations
   WHERE user_id = v_user AND idempotency_key = p->>'idempotency_key';
  IF FOUND THEN
    IF v_existing.request_hash <> p->>'request_hash' THEN
      RETURN jsonb_build_object('outcome', 'IDEMPOTENCY_KEY_REUSED');
    END IF;
    RETURN jsonb_build_object('outcome', 'REPLAYED', 'operation_id', v_existing.id);
  END IF;
  IF v_user_frozen THEN
    RETURN jsonb_build_object('outcome', 'ACCOUNT_FROZEN');
  END IF;

  IF v_order.amount > v_limit_op THEN
    RETURN jsonb_build_object('outcome', 'LIMIT_EXCEEDED', 'limit', 'PER_OPERATION',
                              'maximum', v_limit_op::text, 'remaining', v_limit_op::text);
  END IF;
  -- What the customer has paid today (the Shanghai day the caller gives), everything not failed.
  SELECT coalesce(sum(amount), 0) INTO v_used FROM wallet_operations
   WHERE user_id = v_user AND kind = 'PAYMENT' AND currency = v_order.currency AND status <> 'FAILED'
     AND created_at >= (p->>'day_start')::timestamptz;
  IF v_used + v_order.amount > v_limit_day THEN
    RETURN jsonb_build_object('outcome', 'LIMIT_EXCEEDED', 'limit', 'PER_DAY',
                              'maximum', v_limit_day::text, 'remaining', greatest(v_limit_day - v_used, 0)::text);
  END IF;

  IF NOT v_order.open THEN
    RETURN jsonb_build_object('outcome', 'ORDER_NOT_PAYABLE',
                              'status', CASE WHEN v_order.status = 'PENDING' THEN 'EXPIRED' ELSE v_order.status::text END);
  END IF;
  IF v_merchant.frozen THEN
    RETURN jsonb_build_object('outcome', 'MERCHANT_FROZEN');
  END IF;

  -- The ledger entry last of the checks: a refusal (insufficient funds) writes nothing.
  v_result := ledger_apply(p_ledger_batch);
  IF v_result->'err'->0 <> 'null'::jsonb THEN
    RETURN jsonb_build_object('outcome', 'LEDGER_REFUSED', 'error', v_result->'err'->0);
  END IF;
  v_entry := (v_result->'id'->>0)::uuid;

  INSERT INTO wallet_operations (id, user_id, kind, status, currency, amount, fee, memo, order_id, merchant_id,
                                 payment_method, ledger_entry_id, idempotency_key, request_hash, created_at, completed_at)
  VALUES (v_operation, v_user, 'PAYMENT', 'SUCCEEDED', v_order.currency, v_order.amount, 0, p->>'memo', v_order_id,
          v_order.merchant_id, 'BALANCE', v_entry, p->>'idempotency_key', p->>'request_hash', now(),
          (p->>'paid_at')::timestamptz);
  -- uuidv7() increases within a backend, so (created_at, id) keeps REQUESTED before SETTLED.
  INSERT INTO operation_events (id, operation_id, type, detail, created_at)
  VALUES (uuidv7(), v_operation, 'REQUESTED', '{}', now()),
         (uuidv7(), v_operation, 'SETTLED', jsonb_build_object('ledgerEntryId', v_entry), now());

  UPDATE orders SET status = 'PAID', payer_user_id = v_user, payment_method = 'BALANCE',
         payment_operation_id = v_operation, merchant_fee = (p->>'fee')::bigint,
         paid_at = (p->>'paid_at')::timestamptz, updated_at = now()
   WHERE id = v_order_id;
  INSERT INTO order_events (id, order_id, type, detail, created_at)
  VALUES (uuidv7(), v_order_id, 'PAID',
          jsonb_build_object('method', 'BALANCE', 'operationId', v_operation, 'ledgerEntryId', v_entry), now());

  INSERT INTO notifications (id, user_id, kind, operation_id, params, created_at)
  VALUES (uuidv7(), v_user, 'PAYMENT_SUCCEEDED', v_operation, p->'notification_params', now());

  -- The merchant's notification (outbox): its delivery job is enqueued after the commit, and
  -- sweepOverdueWebhooks gives it one if the process dies before that.
  IF p->'webhook' <> 'null'::jsonb THEN
    INSERT INTO webhook_events (id, merchant_id, type, order_id, url, payload, status, next_attempt_at, created_at)
    VALUES ((p->'webhook'->>'id')::uuid, v_order.merchant_id, 'order.paid', v_order_id, p->'webhook'->>'url',
            p->'webhook'->'payload', 'PENDING', (p->'webhook'->>'created_at')::timestamptz,
            (p->'webhook'->>'created_at')::timestamptz);
  END IF;

  RETURN jsonb_build_object('outcome', 'PAID', 'operation_id', v_operation, 'ledger_entry_id', v_entry);
END
$function$;
