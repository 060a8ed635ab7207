// POST /card-bindings (快捷支付 binding), step one: the wallet sends what the customer typed —
// card number, holder name, ID number, phone. Only when all four match an open customer
// account does the bank text a code to the phone on file; otherwise one generic refusal.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { BankPool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { DetailsNotVerifiedError } from '../errors';
import { codeExpiry, hashOneTimeCode, newOneTimeCode } from '../phone/one-time-code';
import { maskPhone, sendText } from '../phone/send-text';
import { SANDBOX_BANK_NAME } from '../seed-accounts';

export type StartCardBindingInput = {
  /** The wallet's reference, echoed back when the binding is confirmed. */
  reference: string;
  accountNumber: string;
  holderName: string;
  idNumber: string;
  phone: string;
};

export type StartedCardBinding = { bindingId: string; maskedPhone: string; codeSerial: string; expiresAt: Date };

export const bindingCodePurpose = (bindingId: string) => `binding:${bindingId}`;

const sameName = (a: string, b: string) => a.trim().normalize('NFC') === b.trim().normalize('NFC');

export function startCardBinding(pool: BankPool, input: StartCardBindingInput): Promise<StartedCardBinding> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      status: string;
      kind: string;
      name: string;
      id_number: string | null;
      phone: string;
    }>(
      `SELECT a.status, a.kind, c.name, c.id_number, c.phone FROM sandbox_bank.accounts a
       JOIN sandbox_bank.customers c ON c.id = a.customer_id WHERE a.account_number = $1`,
      [input.accountNumber],
    );
    const holder = rows[0];
    const matches =
      holder !== undefined &&
      holder.status === 'OPEN' &&
      holder.kind === 'CUSTOMER' &&
      holder.id_number !== null &&
      sameName(holder.name, input.holderName) &&
      holder.id_number === input.idNumber.toUpperCase() &&
      holder.phone === input.phone;
    if (!matches) throw new DetailsNotVerifiedError();

    const bindingId = randomUUID();
    const code = newOneTimeCode();
    const expiresAt = codeExpiry();
    await client.query(
      `INSERT INTO sandbox_bank.card_bindings (id, reference, account_number, status, code_hash, code_expires_at)
       VALUES ($1, $2, $3, 'AWAITING_CODE', $4, $5)`,
      [
        bindingId,
        input.reference,
        input.accountNumber,
        hashOneTimeCode(bindingCodePurpose(bindingId), code),
        expiresAt,
      ],
    );
    const codeSerial = await sendText(
      client,
      holder.phone,
      { bindingId },
      (serial) =>
        `【${SANDBOX_BANK_NAME}】验证码 ${code}（序号 ${serial}），您正在将尾号 ${input.accountNumber.slice(-4)} 的银行卡绑定快捷支付，5 分钟内有效。如非本人操作，请勿告诉他人。`,
    );
    return { bindingId, maskedPhone: maskPhone(holder.phone), codeSerial, expiresAt };
  });
}
