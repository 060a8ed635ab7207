// npm run bench:pin — the CPU cost of one payment PIN check (server/pin/pin-hash.ts: one
// HMAC-SHA256 and a constant-time compare) beside one argon2id login-password check
// (server/auth/password.ts, OWASP's 19 MiB / 2 iterations), measured in the same run.
//
// The PIN's strength is its attempt limit (5 wrong → locked), not the hash, so its check must
// stay cheap: every money movement pays it. Both checks here are the hash work only; the
// database read around them is the same kind of one-row read for either.
//
// Rounds alternate (PIN batch, argon2 batch, PIN batch, …) so that the shared machine's
// speed changes hit both alike; each batch's process CPU time (process.cpuUsage, every thread,
// so argon2's worker threads count) is divided by its checks; the figures are the medians.
//
//   --rounds N        alternated rounds (default 9)
//   --pin-checks N    PIN checks per round (default 20000)
//   --argon2-checks N argon2 checks per round (default 10)
//
// The last line is `RESULT {"pin_check_cpu_ms": …, "argon2_check_cpu_ms": …}`.
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { hashPin, newPinSalt, pinMatches } from '../../server/pin/pin-hash';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} needs a whole number ≥ 1, got ${String(process.argv[i + 1])}`);
  return value;
}

const ROUNDS = option('rounds', 9);
const PIN_CHECKS = option('pin-checks', 20_000);
const ARGON2_CHECKS = option('argon2-checks', 10);
const PEPPER = 'bench-pepper-0123456789abcdef0123456789abcdef';

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const salt = newPinSalt();
const storedPin = hashPin('135790', salt, PEPPER);
const passwordHash = await hashPassword('correct horse battery staple');

function pinRound(): number {
  const start = process.cpuUsage();
  let matched = 0;
  // Alternate right and wrong PINs, as real checks are.
  for (let i = 0; i < PIN_CHECKS; i++) if (pinMatches(i % 2 ? '135790' : '246813', salt, storedPin, PEPPER)) matched++;
  if (matched !== Math.floor(PIN_CHECKS / 2)) throw new Error(`PIN checks gave ${matched} matches`);
  return cpuMs(start) / PIN_CHECKS;
}

async function argon2Round(): Promise<number> {
  const start = process.cpuUsage();
  let matched = 0;
  for (let i = 0; i < ARGON2_CHECKS; i++)
    if (await verifyPassword(passwordHash, i % 2 ? 'correct horse battery staple' : 'wrong password')) matched++;
  if (matched !== Math.floor(ARGON2_CHECKS / 2)) throw new Error(`argon2 checks gave ${matched} matches`);
  return cpuMs(start) / ARGON2_CHECKS;
}

// Warm-up, unmeasured: JIT, argon2's thread pool.
pinRound();
await argon2Round();

const pin: number[] = [];
const argon2: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  pin.push(pinRound());
  argon2.push(await argon2Round());
  console.log(
    `round ${round}: PIN check ${pin.at(-1)!.toFixed(5)} ms CPU, argon2id check ${argon2.at(-1)!.toFixed(2)} ms CPU`,
  );
}

const result = {
  pin_check_cpu_ms: Number(median(pin).toFixed(5)),
  argon2_check_cpu_ms: Number(median(argon2).toFixed(3)),
};
console.log(
  `median of ${ROUNDS} alternated rounds: PIN ${result.pin_check_cpu_ms} ms, argon2id ${result.argon2_check_cpu_ms} ms (${Math.round(result.argon2_check_cpu_ms / result.pin_check_cpu_ms)}× the PIN's)`,
);
console.log(`RESULT ${JSON.stringify(result)}`);
