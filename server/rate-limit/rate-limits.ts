// Every rate limit of the app in one table: how many tries a subject (an IP, an account, an
// API key) gets in how long. The counters live in PostgreSQL (rate_limits), so they hold
// across restarts and across app processes.
export type RateLimitRule = { points: number; durationSeconds: number };

export const RATE_LIMITS = {
  /** Sign-in attempts from one client address, whatever the account: a burst guard. */
  signInAttemptsPerIp: { points: 30, durationSeconds: 60 },
  /** Failed sign-ins from one client address (wrong password or code). */
  signInFailuresPerIp: { points: 20, durationSeconds: 15 * 60 },
  /** Failed sign-ins on one email, from anywhere: past `points`, the password alone no longer signs in (an emailed code is needed too). Never blocks the owner. */
  signInFailuresPerAccount: { points: 5, durationSeconds: 24 * 60 * 60 },
  /** Sign-in codes mailed to one email at the request of one client address (key "<ip> <email>"): a stranger cannot flood the owner's mailbox, nor use up the owner's own requests. */
  signInCodeMailsPerAccountAndIp: { points: 3, durationSeconds: 15 * 60 },
  // The signed-out forms that mail someone, per client address, each its own count. A person
  // needs one or two of each (a typo, a mail that went to spam); a household or office behind
  // one address rarely more than a few in an hour. Ten an hour keeps a script to 240 mails a
  // day per address per form instead of thousands, while a carrier's shared address (CGNAT)
  // still leaves its many users room. Past it the form says how long to wait; the per-email
  // limits (sign-up-request.ts, password-reset.ts, resend-sign-up-mail.ts) still hold within.
  /** Sign-up forms (each hashes a password and mails a link or an "address taken" notice). */
  signUpsPerIp: { points: 10, durationSeconds: 60 * 60 },
  /** "Forgot password" requests. */
  passwordResetRequestsPerIp: { points: 10, durationSeconds: 60 * 60 },
  /** "Resend the verification mail" requests. */
  verificationResendsPerIp: { points: 10, durationSeconds: 60 * 60 },
  /** "Send me a sign-in code" requests. */
  signInCodeRequestsPerIp: { points: 10, durationSeconds: 60 * 60 },
  /** Looking up a transfer recipient by email, per user: no harvesting of who has an account. */
  recipientLookupsPerUser: { points: 30, durationSeconds: 10 * 60 },
  /** Attempts to link a bank card, per user. */
  bankCardLinksPerUser: { points: 10, durationSeconds: 60 * 60 },
  /**
   * Attempts to link one card number, from any account (keyed by a keyed hash of the number,
   * never the number): many accounts together cannot probe a card's holder details or text its
   * phone more than this a day. A holder who mistypes gets five tries, and a completed link
   * forgets the count (server/wallet/bank-accounts/card-link-attempts.ts); a bank's 快捷支付
   * binding locks a card for the day the same way.
   */
  bankCardLinksPerCard: { points: 5, durationSeconds: 24 * 60 * 60 },
  /**
   * Authenticator-code checks for withdrawals and payouts, per user, forgotten after an accepted
   * one (server/auth/two-factor/money-out-second-factor.ts). A guess hits about 3 in a million
   * (the app's code one step either side is accepted too): five an hour give someone holding the
   * session and the PIN about 1 in 3,000 a day, and the owner who mistypes five times waits at
   * most an hour.
   */
  moneyOutCodeChecksPerUser: { points: 5, durationSeconds: 60 * 60 },
  /** Merchant API requests per API key. */
  merchantApiPerKey: { points: 100, durationSeconds: 1 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMITS;
