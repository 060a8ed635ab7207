// The error codes a merchant can meet on the API, with their HTTP status and when, in Chinese
// and English (for the docs page; error-codes.test.ts checks every status against
// the registry, server/core/error-registry.ts, and that both languages are there).
import type { ErrorCode, ErrorHttpStatus } from '../core/error-registry';

export type ApiErrorCode = { code: ErrorCode; status: ErrorHttpStatus; when: string; whenEn?: string };

export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  { code: 'INVALID_JSON', status: 400, when: '请求体不是合法 JSON', whenEn: 'The request body is not valid JSON' },
  {
    code: 'IDEMPOTENCY_KEY_REQUIRED',
    status: 400,
    when: 'POST 缺少 Idempotency-Key，或其不是 1–255 个可打印 ASCII 字符',
    whenEn: 'A POST has no Idempotency-Key, or it is not 1–255 printable ASCII characters',
  },
  {
    code: 'INVALID_CURSOR',
    status: 400,
    when: 'starting_after 不是上一页返回的 next_cursor',
    whenEn: 'starting_after is not the next_cursor of the previous page',
  },
  {
    code: 'UNAUTHENTICATED',
    status: 401,
    when: '缺少密钥、密钥错误或已吊销，或商户未通过审核',
    whenEn: 'The key is missing, wrong or revoked, or the merchant is not approved',
  },
  {
    code: 'MERCHANT_FROZEN',
    status: 403,
    when: '商户已被平台冻结：不能创建订单、退款、关闭或发货，顾客也无法支付你的订单；查询仍可用。不会写入任何数据，Idempotency-Key 也不会被占用，解冻后用同一个 key 重试即可',
    whenEn:
      'The platform froze this merchant: no orders, refunds, closes or shipments, and customers cannot pay your orders; reads still work. Nothing is written and the Idempotency-Key is not used up: retry with the same key after the unfreeze',
  },
  {
    code: 'NOT_FOUND',
    status: 404,
    when: '订单不存在，或不属于你（不会透露是否存在）',
    whenEn: 'No such order, or not yours (we do not say which)',
  },
  {
    code: 'DUPLICATE_MERCHANT_ORDER_NO',
    status: 409,
    when: '该 merchant_order_no 已用于你的另一笔订单',
    whenEn: 'This merchant_order_no is already used by another of your orders',
  },
  {
    code: 'ORDER_NOT_PENDING',
    status: 409,
    when: '关闭一笔不是 PENDING（待支付）的订单',
    whenEn: 'Closing an order that is not PENDING',
  },
  {
    code: 'ORDER_NOT_PAID',
    status: 409,
    when: '对未支付（或已全额退款）的订单退款或发货',
    whenEn: 'Refunding or shipping an order that is not paid (or fully refunded)',
  },
  {
    code: 'IDEMPOTENCY_IN_PROGRESS',
    status: 409,
    when: '同一 Idempotency-Key 的第一个请求仍在处理中，稍后重试',
    whenEn: 'The first request with this Idempotency-Key is still running; retry shortly',
  },
  { code: 'BODY_TOO_LARGE', status: 413, when: '请求体超过 64 KB', whenEn: 'The request body is over 64 KB' },
  {
    code: 'INVALID_INPUT',
    status: 422,
    when: '字段不合法，field 指出是哪一个（如 amount）',
    whenEn: 'A field is invalid; field names it (e.g. amount)',
  },
  {
    code: 'REFUND_EXCEEDS_PAID',
    status: 422,
    when: '退款金额超过剩余可退金额（field: amount）',
    whenEn: 'The refund is more than what is left to refund (field: amount)',
  },
  {
    code: 'INSUFFICIENT_FUNDS',
    status: 422,
    when: '商户余额不足以支付这笔退款',
    whenEn: 'Your balance cannot cover this refund',
  },
  {
    code: 'IDEMPOTENCY_KEY_REUSED',
    status: 422,
    when: '同一 Idempotency-Key 用于了不同的请求（方法、路径或请求体不同）',
    whenEn: 'The Idempotency-Key was used for a different request (method, path or body)',
  },
  {
    code: 'INTERNAL',
    status: 500,
    when: '我们这边出错；不含内部细节。可用同一 Idempotency-Key 安全重试',
    whenEn: 'Something went wrong on our side; no internals. Retrying with the same Idempotency-Key is safe',
  },
  {
    code: 'RATE_LIMITED',
    status: 429,
    when: '该 API 密钥请求过于频繁（每秒 100 次）；按 Retry-After 等待后重试，每个应答都带 RateLimit-* 头',
    whenEn:
      'Too many requests with this API key (100 a second); wait for Retry-After, then retry. Every answer carries the RateLimit-* fields',
  },
  {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    when: '数据库暂时无法处理请求（重启、连接中断、拒绝写入）；带 Retry-After，用同一 Idempotency-Key 重试',
    whenEn:
      'The database cannot take the request right now (restart, lost connection, refusing writes); Retry-After is set, retry with the same Idempotency-Key',
  },
];
