// The OpenAPI 3.1 document of the merchant API, built from the zod schemas that parse the
// requests and describe the responses (server/merchant-api/schemas.ts): a field added to a
// schema shows up here without a second description to keep in step.
import { z } from 'zod';
import { ListQuery, requestSchemas, responseSchemas } from './schemas';

type JsonObject = Record<string, unknown>;

function components(registry: typeof requestSchemas, io: 'input' | 'output'): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

function inlineSchema(schema: z.ZodType): JsonObject {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonObject;
  return rest;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonObject) => ({ 'application/json': { schema } });

const ERRORS: Record<string, string> = {
  '400': 'INVALID_JSON, IDEMPOTENCY_KEY_REQUIRED or INVALID_CURSOR',
  '401': 'UNAUTHENTICATED: missing, wrong or revoked key',
  '403':
    'MERCHANT_FROZEN: the platform froze this merchant; nothing was written and the Idempotency-Key stays free (retry after the unfreeze). Reads still work',
  '404': 'NOT_FOUND: no such order among yours',
  '409': 'A state conflict (ORDER_NOT_PENDING, ORDER_NOT_PAID, DUPLICATE_MERCHANT_ORDER_NO, IDEMPOTENCY_IN_PROGRESS)',
  '413': 'BODY_TOO_LARGE: the body is over 64 KB',
  '422': 'INVALID_INPUT (with field), REFUND_EXCEEDS_PAID, IDEMPOTENCY_KEY_REUSED',
};

function errors(...statuses: string[]): JsonObject {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/E${s}` }]));
}

const orderIdParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The order id',
  schema: { type: 'string', format: 'uuid' },
};
const idempotencyKeyParam = { $ref: '#/components/parameters/IdempotencyKey' };
const listParams = Object.entries(ListQuery.shape).map(([name, schema]) => ({
  name,
  in: 'query',
  required: false,
  schema: inlineSchema(schema),
}));

function post(
  summary: string,
  description: string,
  body: string | null,
  status: string,
  response: string,
  failures: string[],
  extra: JsonObject[] = [],
) {
  return {
    summary,
    description,
    parameters: [...extra, idempotencyKeyParam],
    ...(body ? { requestBody: { required: true, content: json(ref(body)) } } : {}),
    responses: {
      [status]: {
        description: summary,
        headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } },
        content: json(ref(response)),
      },
      ...errors('400', '401', '403', '413', ...failures),
    },
  };
}

export function openApiDocument(appUrl: string): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wallet merchant API',
      version: '1.0.0',
      description:
        'Server-to-server API for merchants: orders, refunds, shipments, balance and bills. Amounts are integers in minor units (fen). ' +
        'Docs with examples: /docs/api',
    },
    servers: [{ url: `${appUrl}/api/v1` }],
    security: [{ secretKey: [] }],
    paths: {
      '/orders': {
        post: post(
          'Create an order',
          'Send the customer to checkout_url to pay.',
          'CreateOrderRequest',
          '201',
          'Order',
          ['409', '422'],
        ),
        get: {
          summary: 'List orders, or find one by merchant_order_no',
          description: 'With merchant_order_no: that order (404 if none). Otherwise a page of orders, newest first.',
          parameters: [
            { name: 'merchant_order_no', in: 'query', required: false, schema: { type: 'string' } },
            ...listParams,
          ],
          responses: {
            '200': {
              description: 'An order (with merchant_order_no) or a list',
              content: json({ oneOf: [ref('Order'), ref('OrderList')] }),
            },
            ...errors('400', '401', '404', '422'),
          },
        },
      },
      '/orders/{id}': {
        get: {
          summary: 'Get an order',
          parameters: [orderIdParam],
          responses: { '200': { description: 'The order', content: json(ref('Order')) }, ...errors('401', '404') },
        },
      },
      '/orders/{id}/close': {
        post: post(
          'Close a pending order',
          'The order can no longer be paid (order.closed is sent).',
          null,
          '200',
          'Order',
          ['404', '409', '422'],
          [orderIdParam],
        ),
      },
      '/orders/{id}/refunds': {
        post: post(
          'Refund (part of) a paid order',
          'Cumulative refunds never exceed the paid amount (422 REFUND_EXCEEDS_PAID). The merchant fee is not returned.',
          'RefundRequest',
          '201',
          'Refund',
          ['404', '409', '422'],
          [orderIdParam],
        ),
      },
      '/orders/{id}/shipment': {
        post: post(
          'Tell the customer the order shipped',
          'A second call corrects carrier and tracking number.',
          'ShipmentRequest',
          '200',
          'Order',
          ['404', '409', '422'],
          [orderIdParam],
        ),
      },
      '/balance': {
        get: {
          summary: 'Your balance',
          responses: { '200': { description: 'The balance', content: json(ref('Balance')) }, ...errors('401') },
        },
      },
      '/balance_transactions': {
        get: {
          summary: 'Balance transactions, newest first',
          parameters: listParams,
          responses: {
            '200': { description: 'A page', content: json(ref('BalanceTransactionList')) },
            ...errors('400', '401', '422'),
          },
        },
      },
      '/bills/{date}': {
        get: {
          summary: 'Daily bill (CSV)',
          description:
            'One Asia/Shanghai day: a line per paid order, refund and settled payout, then a totals line. UTF-8 with a BOM.',
          parameters: [
            {
              name: 'date',
              in: 'path',
              required: true,
              schema: { type: 'string', format: 'date' },
              example: '2026-11-26',
            },
          ],
          responses: {
            '200': { description: 'The bill', content: { 'text/csv': { schema: { type: 'string' } } } },
            ...errors('401', '422'),
          },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
    components: {
      securitySchemes: {
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Your secret key sk_..., from the merchant dashboard',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'Required on every POST. The same key with the same request replays the first answer; with another request: 422.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7e]+$' },
        },
      },
      headers: {
        IdempotentReplayed: {
          description: '"true" when this is the stored answer to an earlier request with the same key',
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `E${status}`,
          { description, content: json(ref('Error')) },
        ]),
      ),
      schemas: { ...components(requestSchemas, 'input'), ...components(responseSchemas, 'output') },
    },
  };
}
