-- The demo store's own tables, in its own schema (the wallet's Prisma schema never sees it).
-- The store is an outside merchant: it knows the wallet only through its merchant API.
-- Money is BIGINT fen.

CREATE SEQUENCE demo_store.order_no_seq;

CREATE TABLE demo_store.orders (
  id uuid PRIMARY KEY,
  -- The merchant_order_no sent to the wallet (DS-YYYYMMDD-NNNNNN).
  order_no text NOT NULL UNIQUE CHECK (order_no ~ '^[A-Za-z0-9_-]{1,64}$'),
  -- [{product_id, name, unit_price, quantity}] as priced at checkout (unit_price in fen, as a string).
  items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
  amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000000),
  currency text NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 128),
  status text NOT NULL DEFAULT 'CREATED' CHECK (status IN ('CREATED', 'PAID', 'SHIPPED', 'CLOSED')),
  wallet_order_id text UNIQUE,
  checkout_url text,
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  paid_at timestamptz,
  shipped_at timestamptz,
  carrier text CHECK (length(carrier) BETWEEN 1 AND 64),
  tracking_no text CHECK (length(tracking_no) BETWEEN 1 AND 64),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A paid order knows when; a shipped one also knows how.
  CHECK (status NOT IN ('PAID', 'SHIPPED') OR (paid_at IS NOT NULL AND wallet_order_id IS NOT NULL)),
  CHECK (status <> 'SHIPPED' OR (shipped_at IS NOT NULL AND carrier IS NOT NULL AND tracking_no IS NOT NULL))
);

CREATE INDEX orders_created_at_idx ON demo_store.orders (created_at DESC);

-- Every notification that reached the store's endpoint. A verified event is processed once:
-- its id is unique among verified rows. Refused ones (bad signature) are kept for the shop
-- owner to see, without an event id the store could trust.
CREATE TABLE demo_store.notifications (
  id uuid PRIMARY KEY,
  event_id text,
  type text,
  verified boolean NOT NULL,
  -- What the store did with it: APPLIED, IGNORED (nothing to change), MISMATCH (amount or
  -- wallet order id differ from the store's order),
  -- UNKNOWN_ORDER, REFUSED (signature), UNSUPPORTED (an event type the store does not use).
  outcome text NOT NULL CHECK (outcome IN ('APPLIED', 'IGNORED', 'MISMATCH', 'UNKNOWN_ORDER', 'REFUSED', 'UNSUPPORTED')),
  order_no text,
  body text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  CHECK (verified = (outcome <> 'REFUSED')),
  CHECK (NOT verified OR (event_id IS NOT NULL AND type IS NOT NULL))
);

CREATE UNIQUE INDEX notifications_verified_event_id_key ON demo_store.notifications (event_id) WHERE verified;
CREATE INDEX notifications_received_at_idx ON demo_store.notifications (received_at DESC);
