// `npm run bench:pay` options (scripts/bench/pay.ts says what each workload is).
export const WORKLOAD_NAMES = ['create_order', 'pay', 'pay_hot', 'transfer', 'home', 'checkout_page'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export type Options = {
  seconds: number;
  rounds: number;
  clients: number[];
  only: WorkloadName[];
  skipBuild: boolean;
  customers: number;
  merchants: number;
  /** Payments (and transfers, orders) in the serial phase whose statements are counted. */
  statementSamples: number;
  port: number;
};

function value(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

function positive(args: string[], name: string, fallback: number): number {
  const raw = value(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive integer, got ${raw}`);
  return n;
}

export function parseOptions(args: string[]): Options {
  const clients = (value(args, 'clients') ?? '16,64').split(',').map((c) => Number(c.trim()));
  if (clients.some((c) => !Number.isInteger(c) || c <= 0)) throw new Error('--clients: a list like 16,64');
  const only = (value(args, 'only') ?? WORKLOAD_NAMES.join(',')).split(',').map((w) => w.trim());
  for (const w of only) {
    if (!(WORKLOAD_NAMES as readonly string[]).includes(w)) {
      throw new Error(`--only: unknown workload ${w} (known: ${WORKLOAD_NAMES.join(', ')})`);
    }
  }
  return {
    seconds: positive(args, 'seconds', 3),
    rounds: positive(args, 'rounds', 3),
    clients,
    only: only as WorkloadName[],
    skipBuild: args.includes('--skip-build'),
    customers: positive(args, 'customers', 2000),
    merchants: positive(args, 'merchants', 100),
    statementSamples: positive(args, 'statement-samples', 50),
    port: positive(args, 'port', 3510),
  };
}
