// The API's inputs, parsed with zod at the boundary. Amounts arrive as JSON numbers: only
// safe integers from 1 to 10^15 are accepted, then carried as bigint.
import { z } from 'zod';
import { FAULT_MODES } from '../faults/fault-modes';

const MAX_AMOUNT = 1_000_000_000_000_000;

export const referenceSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/,
    'letters, digits and _ . : - (at most 100), starting with a letter or digit',
  );
export const accountNumberSchema = z.string().regex(/^\d{16,19}$/, '16 to 19 digits');
const amountSchema = z
  .int('an integer number of fen')
  .min(1, 'at least 1 fen')
  .max(MAX_AMOUNT, 'at most 10^15 fen')
  .transform((n) => BigInt(n));
const currencySchema = z.literal('CNY', 'only CNY');
const httpUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000);
const nameSchema = z.string().trim().min(1).max(100);

export const startCardBindingSchema = z.object({
  reference: referenceSchema,
  account_number: accountNumberSchema,
  holder_name: nameSchema,
  // Format only: whether it is this holder's is the bank's answer, the same for every field.
  id_number: z.string().regex(/^\d{17}[\dXx]$/, '18 characters: 17 digits and a digit or X'),
  phone: z.string().regex(/^1\d{10}$/, '11 digits starting with 1'),
});

export const confirmCardBindingSchema = z.object({
  code: z.string().regex(/^\d{6}$/, '6 digits'),
});

export const bindingIdSchema = z.uuid();

export const createDebitSchema = z.object({
  reference: referenceSchema,
  account_number: accountNumberSchema,
  amount: amountSchema,
  currency: currencySchema,
  payee: nameSchema,
  description: z.string().trim().max(200).default(''),
  return_url: httpUrlSchema,
  notify_url: httpUrlSchema,
});

export const createPayoutSchema = z.object({
  reference: referenceSchema,
  account_number: accountNumberSchema,
  holder_name: nameSchema,
  amount: amountSchema,
  currency: currencySchema,
  description: z.string().trim().max(200).default(''),
  notify_url: httpUrlSchema,
});

export const putFaultSchema = z.object({
  scope: z.union([z.literal('GLOBAL'), accountNumberSchema]),
  fault: z
    .object({
      mode: z.enum(FAULT_MODES),
      delay_seconds: z.int().min(0).max(86_400).optional(),
      times: z.int().min(1).max(1_000_000).optional(),
    })
    .nullable(),
});

export const statementQuerySchema = z.object({
  date: z.string(),
  format: z.enum(['json', 'csv']).default('json'),
});
