// Linking a card (快捷支付), step one: the bank checks card number, holder name, ID number and
// phone together and texts a code to the phone it has on file. The wallet keeps nothing yet:
// the ID number and phone go to the bank only, and the card is stored once the code confirms it.
import { randomUUID } from 'node:crypto';
import { BankOutcomeUnknownError, BankRequestFailedError, type CardBindingRequest } from '../../bank/bank-gateway';
import { enforceRateLimit } from '../../rate-limit/enforce-rate-limit';
import type { AppDeps } from '../../core/deps';
import {
  BankAccountAlreadyLinkedError,
  BankAccountNotVerifiedError,
  BankUnavailableError,
} from '../../core/domain-errors';
import { countCardLinkAttempt } from './card-link-attempts';

export type StartBankAccountLinkInput = {
  userId: string;
  accountNumber: string;
  holderName: string;
  idNumber: string;
  phone: string;
};

export type StartedBankAccountLink = { bindingId: string; maskedPhone: string; codeSerial: string; expiresAt: string };

/** Most linked accounts a user may keep at once. */
export const MAX_LINKED_ACCOUNTS = 10;

/** The binding's reference names the user, so a binding can only be confirmed by whoever started it. */
export const linkReferencePrefix = (userId: string) => `link:${userId}:`;

export async function startBankAccountLink(
  deps: Pick<AppDeps, 'db' | 'bank'>,
  input: StartBankAccountLinkInput,
): Promise<StartedBankAccountLink> {
  // Each try probes the bank's records and texts a holder's phone: a few an hour per user.
  await enforceRateLimit('bankCardLinksPerUser', input.userId);
  // And a few a day per card, from whichever accounts (card-link-attempts.ts).
  await countCardLinkAttempt(input.accountNumber);
  const [existing, linked] = await Promise.all([
    deps.db.bankAccount.findFirst({
      where: { userId: input.userId, accountNumber: input.accountNumber, removedAt: null },
    }),
    deps.db.bankAccount.count({ where: { userId: input.userId, removedAt: null } }),
  ]);
  if (existing || linked >= MAX_LINKED_ACCOUNTS) throw new BankAccountAlreadyLinkedError();

  const request: CardBindingRequest = { ...input, reference: `${linkReferencePrefix(input.userId)}${randomUUID()}` };
  let started;
  try {
    started = await deps.bank.startCardBinding(request);
  } catch (error) {
    if (error instanceof BankRequestFailedError || error instanceof BankOutcomeUnknownError)
      throw new BankUnavailableError();
    throw error;
  }
  if (!started.verified) throw new BankAccountNotVerifiedError();
  return {
    bindingId: started.bindingId,
    maskedPhone: started.maskedPhone,
    codeSerial: started.codeSerial,
    expiresAt: started.expiresAt,
  };
}
