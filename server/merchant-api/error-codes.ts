// The error codes a merchant can meet on the API, with their HTTP status and when (for the
// docs page; error-codes.test.ts checks every status against server/http/error-status.ts).
export type ApiErrorCode = { code: string; status: number; when: string };

export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  { code: 'INVALID_JSON', status: 400, when: '请求体不是合法 JSON' },
  { code: 'IDEMPOTENCY_KEY_REQUIRED', status: 400, when: 'POST 缺少 Idempotency-Key，或其不是 1–255 个可打印 ASCII 字符' },
  { code: 'INVALID_CURSOR', status: 400, when: 'starting_after 不是上一页返回的 next_cursor' },
  { code: 'UNAUTHENTICATED', status: 401, when: '缺少密钥、密钥错误或已吊销，或商户未通过审核' },
  { code: 'NOT_FOUND', status: 404, when: '订单不存在，或不属于你（不会透露是否存在）' },
  { code: 'DUPLICATE_MERCHANT_ORDER_NO', status: 409, when: '该 merchant_order_no 已用于你的另一笔订单' },
  { code: 'ORDER_NOT_PENDING', status: 409, when: '关闭一笔不是 PENDING（待支付）的订单' },
  { code: 'ORDER_NOT_PAID', status: 409, when: '对未支付（或已全额退款）的订单退款或发货' },
  { code: 'IDEMPOTENCY_IN_PROGRESS', status: 409, when: '同一 Idempotency-Key 的第一个请求仍在处理中，稍后重试' },
  { code: 'BODY_TOO_LARGE', status: 413, when: '请求体超过 64 KB' },
  { code: 'INVALID_INPUT', status: 422, when: '字段不合法，field 指出是哪一个（如 amount）' },
  { code: 'REFUND_EXCEEDS_PAID', status: 422, when: '退款金额超过剩余可退金额（field: amount）' },
  { code: 'INSUFFICIENT_FUNDS', status: 422, when: '商户余额不足以支付这笔退款' },
  { code: 'IDEMPOTENCY_KEY_REUSED', status: 422, when: '同一 Idempotency-Key 用于了不同的请求（方法、路径或请求体不同）' },
  { code: 'INTERNAL', status: 500, when: '我们这边出错；不含内部细节。可用同一 Idempotency-Key 安全重试' },
  { code: 'SERVICE_UNAVAILABLE', status: 503, when: '数据库暂时无法处理请求（重启、连接中断、拒绝写入）；带 Retry-After，用同一 Idempotency-Key 重试' },
];
