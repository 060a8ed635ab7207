import { describe, expect, it } from 'vitest';
import { actionSucceeded, captureFromRequest, replayAction, withPathParameter } from './captured-action';

// What Chromium sent for the checkout's pay button (the shape, with shorter values).
const boundary = '----WebKitFormBoundaryAqqPwAkG0pkuGiU8';
const body = [
  ['_1_orderId', 'order-1'],
  ['_1_idempotencyKey', 'key-1'],
  ['_1_pin', '258036'],
  ['0', '["$K1"]'],
]
  .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  .join('')
  .concat(`--${boundary}--\r\n`);
const captured = captureFromRequest(
  'http://localhost:3510/pay/order-1',
  {
    'next-action': 'abc123',
    'next-router-state-tree': '%5B%22%22%5D',
    cookie: 'next-auth.session-token=theirs',
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(body.length),
    accept: 'text/x-component',
  },
  body,
  `multipart/form-data; boundary=${boundary}`,
);

describe('a captured server action', () => {
  it('keeps the path, the Next headers and the fields; not the cookie or the body headers', () => {
    expect(captured.path).toBe('/pay/order-1');
    expect(captured.headers).toEqual({
      'next-action': 'abc123',
      'next-router-state-tree': '%5B%22%22%5D',
      accept: 'text/x-component',
    });
    expect(captured.fields.map(([n]) => n)).toEqual(['_1_orderId', '_1_idempotencyKey', '_1_pin', '0']);
  });

  it('is replayed with other values under the same field names, for another caller', () => {
    const replayed = replayAction(captured, 'next-auth.session-token=mine', {
      orderId: 'order-2',
      idempotencyKey: 'k2',
    });
    expect(replayed.headers.cookie).toBe('next-auth.session-token=mine');
    expect(replayed.headers['next-action']).toBe('abc123');
    const b = /boundary=(.+)$/.exec(replayed.headers['content-type']!)![1]!;
    const again = captureFromRequest('http://x/pay/order-1', {}, replayed.body!, `multipart/form-data; boundary=${b}`);
    expect(again.fields).toEqual([
      ['_1_orderId', 'order-2'],
      ['_1_idempotencyKey', 'k2'],
      ['_1_pin', '258036'],
      ['0', '["$K1"]'],
    ]);
  });

  it('fills a placeholder of the path, for requests whose path names the order', () => {
    const route = withPathParameter(
      captureFromRequest(
        'http://localhost:3510/pay/order-1/balance',
        {},
        body,
        `multipart/form-data; boundary=${boundary}`,
      ),
      'order-1',
      'orderId',
    );
    expect(route.path).toBe('/pay/{orderId}/balance');
    expect(replayAction(route, 'c=1', { orderId: 'order-2', pin: '1' }).path).toBe('/pay/order-2/balance');
  });

  it('refuses a value for a field the page did not send', () => {
    expect(() => replayAction(captured, 'c=1', { amount: '1.00' })).toThrow(/no field amount/);
  });
});

describe('whether an action answered ok', () => {
  it('reads the ActionResult row of the flight answer', () => {
    expect(actionSucceeded(200, '0:{"a":"$@1","f":"","b":"x"}\n1:{"ok":true,"data":{"operationId":"o"}}\n')).toBe(true);
    expect(actionSucceeded(200, '0:{"a":"$@1","f":"","b":"x"}\n1:{"ok":false,"error":{"code":"PIN_WRONG"}}\n')).toBe(
      false,
    );
  });

  it('reads the JSON answer of a route handler', () => {
    expect(actionSucceeded(200, '{"ok":true,"data":{"operationId":"o"}}')).toBe(true);
    expect(actionSucceeded(200, '{"ok":false,"error":{"code":"PIN_WRONG"}}')).toBe(false);
    expect(actionSucceeded(200, '{"ok":tr')).toBe(false);
  });

  it('is not ok for a redirect, an error status or an answer without a result', () => {
    expect(actionSucceeded(303, '')).toBe(false);
    expect(actionSucceeded(500, '1:{"ok":true}')).toBe(false);
    expect(actionSucceeded(200, '<html>sign in</html>')).toBe(false);
  });
});
