// The orders table's columns under the Order type's names, for raw reads and RETURNING
// clauses on the lean paths (one statement instead of the Prisma client's several).
import 'server-only';
import { Prisma } from '../generated/prisma/client';

export function orderColumns(alias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new TypeError(`not a table alias: ${alias}`);
  const a = alias;
  return Prisma.raw(
    `${a}.id, ${a}.merchant_id AS "merchantId", ${a}.merchant_order_no AS "merchantOrderNo", ${a}.amount,
     ${a}.currency, ${a}.subject, ${a}.notify_url AS "notifyUrl", ${a}.return_url AS "returnUrl",
     ${a}.status::text AS status, ${a}.expires_at AS "expiresAt", ${a}.payer_user_id AS "payerUserId",
     ${a}.payment_method::text AS "paymentMethod", ${a}.payment_operation_id AS "paymentOperationId",
     ${a}.merchant_fee AS "merchantFee", ${a}.refunded_amount AS "refundedAmount", ${a}.paid_at AS "paidAt",
     ${a}.closed_at AS "closedAt", ${a}.shipped_at AS "shippedAt", ${a}.carrier,
     ${a}.tracking_number AS "trackingNumber", ${a}.created_at AS "createdAt", ${a}.updated_at AS "updatedAt"`,
  );
}
