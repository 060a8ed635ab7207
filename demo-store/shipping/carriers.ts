// The carriers the shop owner can pick (the wallet takes any name of 1..64 characters).
export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东物流', '中国邮政 EMS'] as const;
export type Carrier = (typeof CARRIERS)[number];
