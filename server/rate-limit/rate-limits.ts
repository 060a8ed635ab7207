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
  /** Sign-ups and other anonymous mail-sending forms from one client address. */
  anonymousMailPerIp: { points: 10, durationSeconds: 60 * 60 },
  /** Looking up a transfer recipient by email, per user: no harvesting of who has an account. */
  recipientLookupsPerUser: { points: 30, durationSeconds: 10 * 60 },
  /** Attempts to link a bank card, per user. */
  bankCardLinksPerUser: { points: 10, durationSeconds: 60 * 60 },
  /** Merchant API requests per API key. */
  merchantApiPerKey: { points: 100, durationSeconds: 1 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMITS;
