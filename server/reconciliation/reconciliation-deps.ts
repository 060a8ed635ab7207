// What reconciliation talks to: the wallet's database and the bank (only through the gateway).
import 'server-only';
import type { BankGateway } from '../bank/bank-gateway';
import type { Db } from '../db';

export type ReconciliationDeps = { db: Db; bank: BankGateway };
