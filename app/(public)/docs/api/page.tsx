// The merchant API docs (public): auth, idempotency, errors, every endpoint with curl and an
// answer, notifications and how to verify them. Field tables come from the OpenAPI document
// and examples from the functions the API answers with, so the page follows the code.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { appUrl } from '@/server/env';
import { docsExamples } from '@/server/merchant-api/docs-examples';
import { API_ERROR_CODES } from '@/server/merchant-api/error-codes';
import { MAX_BODY_BYTES } from '@/server/merchant-api/merchant-api-route';
import { openApiDocument } from '@/server/merchant-api/openapi-document';
import { DAILY_BILL_HEADER } from '@/server/merchants/daily-bill';
import { DEFAULT_WEBHOOK_SCHEDULE_SECONDS } from '@/server/webhooks/webhook-retry-schedule';
import { CodeBlock } from './_components/code-block';
import { Endpoint } from './_components/endpoint';
import { FieldTable } from './_components/field-table';

export const metadata: Metadata = { title: '商户 API 文档 Merchant API' };

const NAV: [string, string][] = [
  ['overview', '概览 Overview'],
  ['auth', '认证 Authentication'],
  ['idempotency', '幂等 Idempotency'],
  ['errors', '错误 Errors'],
  ['pagination', '分页 Pagination'],
  ['create-order', '创建订单'],
  ['get-order', '查询订单'],
  ['list-orders', '订单列表'],
  ['close-order', '关闭订单'],
  ['refund', '退款 Refund'],
  ['shipment', '发货 Shipment'],
  ['balance', '余额 Balance'],
  ['balance-transactions', '余额明细'],
  ['bills', '对账单 Bills'],
  ['webhooks', '异步通知 Webhooks'],
];

function H2({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="scroll-mt-20 pt-10 text-2xl font-semibold text-gray-900">
      {children}
    </h2>
  );
}

function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-gray-100 px-1 py-0.5 font-mono text-[13px] text-gray-900">{children}</code>;
}

function formatDelay(seconds: number): string {
  if (seconds === 0) return '立即';
  if (seconds < 3600) return `${seconds / 60} 分钟`;
  return `${seconds / 3600} 小时`;
}

export default function ApiDocsPage() {
  const base = `${appUrl()}/api/v1`;
  const ex = docsExamples(appUrl());
  const schemas = (openApiDocument(appUrl()) as { components: { schemas: Record<string, object> } }).components.schemas;
  const auth = `  -H "Authorization: Bearer $WALLET_SECRET_KEY"`;
  const post = (path: string, body: object | null, key: string) =>
    [
      `curl -X POST ${base}${path} \\`,
      `${auth} \\`,
      `  -H "Idempotency-Key: ${key}" \\`,
      `  -H "Content-Type: application/json"${body ? ' \\' : ''}`,
      ...(body ? [`  -d '${JSON.stringify(body, null, 2).replace(/\n/g, '\n  ')}'`] : []),
    ].join('\n');
  const get = (path: string) => [`curl ${base}${path} \\`, auth].join('\n');
  const schedule = DEFAULT_WEBHOOK_SCHEDULE_SECONDS.map((s, i) => ({
    attempt: i + 1,
    wait: formatDelay(s),
    total: DEFAULT_WEBHOOK_SCHEDULE_SECONDS.slice(0, i + 1).reduce((sum, seconds) => sum + seconds, 0),
  }));

  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-4 md:px-8" lang="zh-CN">
      <nav
        aria-label="目录"
        className="sticky top-16 hidden h-[calc(100dvh-4rem)] w-52 shrink-0 overflow-y-auto py-8 lg:block"
      >
        <ul className="space-y-1 text-sm">
          {NAV.map(([id, label]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                className="block rounded-md px-2 py-1.5 text-gray-700 hover:bg-white hover:text-brand-600"
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <main className="min-w-0 flex-1 pb-24">
        <div className="pt-8">
          <p className="text-sm font-semibold text-brand-600">商户 API · Merchant API v1</p>
          <h1 className="mt-1 text-3xl font-semibold text-gray-900">用 API 收款、退款和对账</h1>
          <p className="mt-3 max-w-3xl text-[15px] leading-7 text-gray-700">
            服务器对服务器（server-to-server）调用：创建订单、把顾客送到收银台（checkout_url）、收到已签名的异步通知、发货、退款，并每天下载对账单。
            机器可读的{' '}
            <a className="text-brand-600 underline" href="/api/v1/openapi.json">
              OpenAPI 3.1 文档
            </a>{' '}
            与本页由同一套 schema 生成。
          </p>
        </div>

        <nav aria-label="目录" className="mt-6 flex gap-2 overflow-x-auto pb-2 lg:hidden">
          {NAV.map(([id, label]) => (
            <a
              key={id}
              href={`#${id}`}
              className="inline-flex min-h-11 shrink-0 items-center rounded-full border border-gray-200 bg-white px-3 text-sm text-gray-700"
            >
              {label}
            </a>
          ))}
        </nav>

        <div className="max-w-3xl space-y-4 text-[15px] leading-7 text-gray-800">
          <H2 id="overview">概览 Overview</H2>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Base URL：<Code>{base}</Code>
            </li>
            <li>请求与响应都是 JSON（UTF-8）；时间为 ISO 8601（UTC）。</li>
            <li>
              <strong>金额一律是整数，单位为分（minor units）</strong>：<Code>8888</Code> 表示
              ¥88.88。字符串、小数、指数写法（<Code>1e3</Code>、<Code>10.0</Code>）、0、负数和超过 10^15
              的金额都会被拒绝（422，field 为 <Code>amount</Code>），绝不四舍五入。
            </li>
            <li>
              请求体中不认识的字段会被忽略（例如 <Code>status</Code>、<Code>fee</Code>），不会生效。请求体最大{' '}
              {MAX_BODY_BYTES / 1024} KB。
            </li>
            <li>币种目前只有 CNY。</li>
          </ul>

          <H2 id="auth">认证 Authentication</H2>
          <p>
            在商户后台创建 API 密钥（secret key，形如 <Code>sk_…</Code>），它只显示一次，我们只保存它的
            SHA-256。每个请求都带上：
          </p>
          <CodeBlock title="HTTP header" code={'Authorization: Bearer sk_XXXXXXXXXXXX_…'} />
          <p>
            缺少、错误或已吊销的密钥返回 <Code>401 UNAUTHENTICATED</Code>。密钥只能在你的服务器上使用，不要放进网页或
            App。泄露后请立即在后台吊销（revoke）并新建。
          </p>

          <H2 id="idempotency">幂等 Idempotency</H2>
          <p>
            每个 POST 都必须带 <Code>Idempotency-Key</Code>（1–255 个可打印 ASCII 字符，建议用 UUID），缺少时返回{' '}
            <Code>400 IDEMPOTENCY_KEY_REQUIRED</Code>。网络超时后用<strong>同一个 key</strong> 重试是安全的：
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              同一 key、同一请求（方法 + 路径 + 请求体，字段顺序无关）：返回第一次的响应（状态码和响应体都相同），并带{' '}
              <Code>Idempotent-Replayed: true</Code>。错误响应（如 422）同样会被重放。
            </li>
            <li>
              同一 key、不同请求：<Code>422 IDEMPOTENCY_KEY_REUSED</Code>。
            </li>
            <li>
              第一个请求还在处理中：<Code>409 IDEMPOTENCY_IN_PROGRESS</Code>，稍后重试即可。
            </li>
            <li>第一次得到 5xx：key 被释放，重试会真正再执行一次。</li>
            <li>key 按商户区分：不同商户使用相同的 key 互不影响。</li>
            <li>
              保存的响应保留 24 小时；超过 24 小时再用同一个 key，请求会被重新执行（创建订单会因{' '}
              <Code>merchant_order_no</Code> 重复返回 409，退款按 key 返回原退款）。
            </li>
          </ul>

          <H2 id="errors">错误 Errors</H2>
          <p>出错时返回合适的 HTTP 状态码和统一的 JSON：</p>
          <CodeBlock title="422 Unprocessable Content" code={JSON.stringify(ex.error, null, 2)} />
          <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-gray-50 text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    状态 Status
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    code
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    何时 When
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {API_ERROR_CODES.map((e) => (
                  <tr key={e.code} className="align-top">
                    <td className="px-3 py-2 font-mono tabular-nums">{e.status}</td>
                    <td className="px-3 py-2 font-mono text-[13px] break-all sm:break-normal">{e.code}</td>
                    <td className="px-3 py-2">
                      {e.when}
                      {e.whenEn ? (
                        <span className="mt-0.5 block text-gray-600" lang="en">
                          {e.whenEn}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            另一个商户的订单和不存在的订单一样返回 <Code>404 NOT_FOUND</Code>。
          </p>
          <p>
            <strong>商户被冻结时</strong>（平台风控），所有 POST 都返回 <Code>403 MERCHANT_FROZEN</Code>
            ，不创建订单、不退款、不关闭、不发货，也不占用 Idempotency-Key；GET
            查询照常可用；顾客打开你的收银台会看到「商户暂停收款」，无法支付。冻结前已成功的请求用同一 key
            重试，仍会返回当时的结果。
            <span className="mt-1 block text-gray-600" lang="en">
              While the platform has frozen your merchant account, every POST answers 403 MERCHANT_FROZEN and writes
              nothing (the Idempotency-Key stays free); GETs still work; your checkout pages say the merchant cannot
              take payments right now. A request that succeeded before the freeze, retried with its key, still gets its
              first answer.
            </span>
          </p>

          <H2 id="pagination">分页 Pagination</H2>
          <p>
            列表接口按时间倒序返回 <Code>{'{ object: "list", data, has_more, next_cursor }'}</Code>。<Code>limit</Code>{' '}
            为 1–100（默认 20，更大的值按 100 处理）；要取下一页，把上一页的 <Code>next_cursor</Code> 作为{' '}
            <Code>starting_after</Code> 传回。<Code>has_more</Code> 为 false 时 <Code>next_cursor</Code> 为 null。
          </p>
        </div>

        <H2 id="endpoints">接口 Endpoints</H2>

        <Endpoint
          id="create-order"
          method="POST"
          path="/orders"
          title="创建订单 Create an order"
          curl={post(
            '/orders',
            {
              merchant_order_no: 'DS-20261126-0001',
              amount: 8888,
              subject: '咖啡豆 ×2',
              notify_url: 'https://shop.example/notify',
              return_url: 'https://shop.example/return',
            },
            'order-DS-20261126-0001',
          )}
          response={ex.pendingOrder}
          responseTitle="201 Created"
          fields={
            <FieldTable
              schema={schemas.CreateOrderRequest!}
              notes={{
                merchant_order_no: '你自己的订单号，在你的订单中唯一',
                amount: '订单金额，整数，单位分',
                currency: '币种',
                subject: '商品描述，显示在收银台',
                notify_url: '本订单 order.* 通知的地址（http/https）；不填则发到后台设置的 Webhook URL',
                return_url: '支付完成后顾客回到的地址',
                expires_in: '多少秒后过期',
              }}
            />
          }
        >
          <p>
            创建一笔待支付（<Code>PENDING</Code>）订单，然后把顾客重定向到 <Code>checkout_url</Code>
            。顾客可用余额或网银支付；支付成功后你会收到 <Code>order.paid</Code> 通知，顾客被送回{' '}
            <Code>return_url</Code>。 同一商户的 <Code>merchant_order_no</Code> 不能重复（
            <Code>409 DUPLICATE_MERCHANT_ORDER_NO</Code>）。过期未付的订单变为 <Code>EXPIRED</Code>。
          </p>
        </Endpoint>

        <Endpoint
          id="get-order"
          method="GET"
          path="/orders/{id}"
          title="查询订单 Retrieve an order"
          curl={get(`/orders/${ex.orderId}`)}
          response={ex.paidOrder}
          responseTitle="200 OK"
        >
          <p>
            按订单 id 查询。也可以按你的订单号查询：<Code>GET /orders?merchant_order_no=DS-20261126-0001</Code>（没有则
            404）。<strong>通知迟迟未到时</strong>，请主动查询订单状态，不要假定未支付。
          </p>
          <p>
            <Code>status</Code>：PENDING 待支付 · PAID 已支付 · SHIPPED 已发货 · PARTIALLY_REFUNDED 部分退款 · REFUNDED
            已退款 · CLOSED 已关闭 · EXPIRED 已过期。<Code>fee</Code> 是支付时收取的商户手续费（分）。
          </p>
        </Endpoint>

        <Endpoint
          id="list-orders"
          method="GET"
          path="/orders"
          title="订单列表 List orders"
          curl={get('/orders?limit=20')}
          response={ex.orderList}
          responseTitle="200 OK"
        >
          <p>
            你的订单，最新的在前。参数 <Code>limit</Code>、<Code>starting_after</Code>（见分页）。
          </p>
        </Endpoint>

        <Endpoint
          id="close-order"
          method="POST"
          path="/orders/{id}/close"
          title="关闭订单 Close an order"
          curl={post(`/orders/${ex.orderId}/close`, null, 'close-DS-20261126-0001')}
          response={ex.closedOrder}
          responseTitle="200 OK"
        >
          <p>
            关闭一笔待支付订单，之后无法再支付；你会收到 <Code>order.closed</Code>。订单已不是 PENDING 时返回{' '}
            <Code>409 ORDER_NOT_PENDING</Code>。无需请求体。
          </p>
        </Endpoint>

        <Endpoint
          id="refund"
          method="POST"
          path="/orders/{id}/refunds"
          title="退款 Refund an order"
          curl={post(
            `/orders/${ex.orderId}/refunds`,
            { amount: 4444, reason: '部分缺货' },
            'refund-DS-20261126-0001-1',
          )}
          response={ex.refund}
          responseTitle="201 Created"
          fields={
            <FieldTable
              schema={schemas.RefundRequest!}
              notes={{ amount: '退款金额，整数，单位分', reason: '退款原因，顾客可见' }}
            />
          }
        >
          <p>
            从你的余额把部分或全部金额退回顾客的钱包。多次退款的累计金额不会超过支付金额：超出剩余可退金额时返回{' '}
            <Code>422 REFUND_EXCEEDS_PAID</Code>（并发请求也一样）。订单未支付返回 <Code>409 ORDER_NOT_PAID</Code>
            。商户手续费不退。成功后你会收到 <Code>order.refunded</Code>。
          </p>
        </Endpoint>

        <Endpoint
          id="shipment"
          method="POST"
          path="/orders/{id}/shipment"
          title="发货 Ship an order"
          curl={post(
            `/orders/${ex.orderId}/shipment`,
            { carrier: '顺丰速运', tracking_number: 'SF1234567890' },
            'ship-DS-20261126-0001',
          )}
          response={ex.shippedOrder}
          responseTitle="200 OK"
          fields={
            <FieldTable schema={schemas.ShipmentRequest!} notes={{ carrier: '物流公司', tracking_number: '运单号' }} />
          }
        >
          <p>
            记录物流信息，顾客会在钱包里收到发货通知。已支付的订单变为 <Code>SHIPPED</Code>
            （部分退款的订单保持其状态）。再次调用可更正物流信息。未支付返回 <Code>409 ORDER_NOT_PAID</Code>。
          </p>
        </Endpoint>

        <Endpoint
          id="balance"
          method="GET"
          path="/balance"
          title="余额 Balance"
          curl={get('/balance')}
          response={ex.balance}
          responseTitle="200 OK"
        >
          <p>
            来自账本（ledger）：<Code>posted</Code> 已入账余额；<Code>pending</Code> 为提现途中被冻结的金额；
            <Code>available</Code> = posted − pending，可用于退款和提现。
          </p>
        </Endpoint>

        <Endpoint
          id="balance-transactions"
          method="GET"
          path="/balance_transactions"
          title="余额明细 Balance transactions"
          curl={get('/balance_transactions?limit=20')}
          response={ex.balanceTransactions}
          responseTitle="200 OK"
        >
          <p>
            余额的每一笔变动，最新的在前：<Code>amount</Code> 带符号（收款为扣除手续费后的净额，退款与提现为负），
            <Code>balance_after</Code> 为变动后的余额，<Code>entry_id</Code> 为账本分录。分页同上。
          </p>
        </Endpoint>

        <Endpoint
          id="bills"
          method="GET"
          path="/bills/{YYYY-MM-DD}"
          title="对账单 Daily bill"
          curl={get('/bills/2026-11-26') + ' \\\n  -o bill-2026-11-26.csv'}
          response={[
            DAILY_BILL_HEADER.join(','),
            `收款 PAYMENT,2026-11-26 14:31:35,${ex.orderId},DS-20261126-0001,咖啡豆 ×2,88.88,0.54,88.34,${ex.paidOrder.id.slice(0, 8)}…`,
            `退款 REFUND,2026-11-26 17:30:00,${ex.orderId},DS-20261126-0001,咖啡豆 ×2,-44.44,0.00,-44.44,${ex.refund.id.slice(0, 8)}…`,
            '合计 Total (2),,,,,44.44,0.54,43.90,',
          ].join('\n')}
          responseTitle="200 OK · text/csv; charset=utf-8"
        >
          <p>
            一个自然日（北京时间 Asia/Shanghai）的对账单 CSV（UTF-8，带 BOM，Excel
            可直接打开）：当天每笔已支付订单、退款和成功的提现各一行，最后一行为合计。
            金额单位为元、两位小数、带符号（收款为正，退款和提现为负），净额 = 金额 −
            手续费，各列相加即为当天余额变化。以 <Code>=</Code>、<Code>+</Code>、<Code>-</Code>、<Code>@</Code>{' '}
            开头的文字单元格会加上 <Code>&apos;</Code>，防止公式注入。
          </p>
        </Endpoint>

        <div className="max-w-3xl space-y-4 text-[15px] leading-7 text-gray-800">
          <H2 id="webhooks">异步通知 Webhooks</H2>
          <p>
            订单事件（<Code>order.paid</Code>、<Code>order.refunded</Code>、<Code>order.closed</Code>）POST 到订单的{' '}
            <Code>notify_url</Code>，没有时发到后台设置的 Webhook URL；提现事件（<Code>payout.succeeded</Code>、
            <Code>payout.failed</Code>）发到 Webhook URL。
            <Code>order.refunded</Code> 的 <Code>data</Code> 里还有 <Code>refund</Code>；<Code>order.closed</Code>{' '}
            包括你主动关闭和到期自动关闭；提现事件的 <Code>data.object</Code> 是 payout 对象。
          </p>
          <CodeBlock
            title="POST notify_url"
            code={`Content-Type: application/json\nWallet-Signature: t=1795674695,v1=5f2b…(64 个十六进制字符)\nWallet-Event-Id: ${ex.webhook.id}\n\n${JSON.stringify(ex.webhook, null, 2)}`}
          />
          <h3 className="pt-4 text-lg font-semibold text-gray-900">签名 Signature</h3>
          <p>
            <Code>Wallet-Signature: t=&lt;Unix 秒&gt;,v1=&lt;签名&gt;</Code>，签名 = 用你的 Webhook
            签名密钥（whsec_…，在商户后台查看和轮换）对字符串 <Code>&lt;t&gt;.&lt;原始请求体&gt;</Code> 做
            HMAC-SHA256，十六进制小写。轮换密钥后的 24 小时内，每条通知还会带一个用旧密钥算的 <Code>v1</Code>
            （所以可能出现多个 <Code>v1</Code>），任一匹配即可：轮换后有 24 小时把新密钥部署到你的服务器。 请务必用
            <strong>原始请求体字节</strong>校验（不要先解析再序列化），并拒绝超过 5 分钟的时间戳（防重放）。
          </p>
          <p>
            我们提供校验函数 <Code>verifyWalletSignature(body, header, secret, toleranceSeconds = 300)</Code>（文件{' '}
            <Code>lib/merchant-sdk/verify-wallet-signature.ts</Code>，只依赖 <Code>node:crypto</Code>
            ，可直接复制到你的项目）：
          </p>
          <CodeBlock
            title="Node.js · Next.js route handler"
            code={`import { verifyWalletSignature } from './verify-wallet-signature';

export async function POST(request: Request) {
  const body = await request.text();               // 原始请求体 raw body
  const ok = verifyWalletSignature(body, request.headers.get('wallet-signature'), process.env.WALLET_WEBHOOK_SECRET!);
  if (!ok) return new Response('bad signature', { status: 400 });

  const event = JSON.parse(body);
  // 按 event.id 去重：同一事件可能送达不止一次
  if (await alreadyHandled(event.id)) return new Response('ok');
  if (event.type === 'order.paid') await markPaid(event.data.object.merchant_order_no);
  await rememberHandled(event.id);
  return new Response('ok');                        // 任意 2xx 即确认 acknowledge
}`}
          />
          <h3 className="pt-4 text-lg font-semibold text-gray-900">重试 Retries</h3>
          <p>
            返回任意 2xx 即表示收到。否则我们按下表重试，共 {schedule.length}{' '}
            次；全部失败后事件标记为失败（FAILED），可在商户后台手动重发。同一事件可能送达多次（例如手动重发），请按事件
            id（<Code>Wallet-Event-Id</Code>）去重。
          </p>
          <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-gray-50 text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    第几次 Attempt
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    距上一次
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    距事件发生（约）
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 tabular-nums">
                {schedule.map((s) => (
                  <tr key={s.attempt}>
                    <td className="px-3 py-2">{s.attempt}</td>
                    <td className="px-3 py-2">{s.attempt === 1 ? '立即' : s.wait}</td>
                    <td className="px-3 py-2">
                      {s.total === 0
                        ? '0'
                        : s.total < 3600
                          ? `${s.total / 60} 分钟`
                          : `${Math.round((s.total / 3600) * 10) / 10} 小时`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>收到通知后，也可以用「查询订单」确认状态；只有校验通过的通知或主动查询的结果才能作为已支付的依据。</p>
        </div>
      </main>
    </div>
  );
}
