// The gateway the app uses, from env. Tests build their own SandboxBankGateway.
import 'server-only';
import { env, sandboxBankUrl } from '../env';
import type { BankGateway } from './bank-gateway';
import { SandboxBankGateway } from './sandbox-bank-gateway';

let cached: BankGateway | undefined;

export function bankGateway(): BankGateway {
  cached ??= new SandboxBankGateway({ baseUrl: sandboxBankUrl(), clientSecret: env().SANDBOX_BANK_CLIENT_SECRET });
  return cached;
}
