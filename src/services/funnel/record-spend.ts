/**
 * recordSpend: a spend row entered by hand (source 'manual', a generated external id, so it never collides with
 * an imported row). Every check names the field to fix.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CHANNELS, isOneOf, type Channel } from '../../domain/model';
import { Campaign, Spend } from '../../store/entities';
import { UserInputError } from '../errors';

export interface SpendInput {
  channel?: Channel | null;
  campaignId?: number | null;
  periodStart: Date;
  periodEnd: Date;
  amount: number;
  currency: string;
  note?: string | null;
}

const isDate = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());

export function checkSpendInput(input: SpendInput): void {
  if (!Number.isFinite(input.amount) || input.amount < 0) throw new UserInputError(`amount must be an amount of money ≥ 0 (got ${input.amount})`);
  if (Math.abs(Math.round(input.amount * 100) - input.amount * 100) > 1e-6) throw new UserInputError(`amount has at most 2 decimals (got ${input.amount})`);
  if (input.amount >= 1e12) throw new UserInputError(`amount must be below 1000000000000 (got ${input.amount})`);
  if (!/^[A-Za-z]{3}$/.test(input.currency)) throw new UserInputError(`currency must be a 3-letter ISO 4217 code such as EUR (got "${input.currency}")`);
  if (!isDate(input.periodStart)) throw new UserInputError('periodStart must be an ISO 8601 date-time');
  if (!isDate(input.periodEnd)) throw new UserInputError('periodEnd must be an ISO 8601 date-time');
  if (input.periodEnd < input.periodStart) {
    throw new UserInputError(`periodEnd (${input.periodEnd.toISOString()}) must not be before periodStart (${input.periodStart.toISOString()})`);
  }
  if (input.channel && !isOneOf(CHANNELS, input.channel)) throw new UserInputError(`channel must be one of ${CHANNELS.join(', ')} (got "${input.channel}")`);
}

export async function recordSpend(manager: EntityManager, workspaceId: number, input: SpendInput): Promise<Spend> {
  checkSpendInput(input);
  if (input.campaignId != null) {
    const found = (await manager.getRepository(Campaign).countBy({ workspaceId, id: input.campaignId })) > 0;
    if (!found) throw new UserInputError(`campaignId ${input.campaignId} is not a campaign of this workspace; list them with the campaigns query`);
  }
  const row = manager.getRepository(Spend).create({
    workspaceId,
    source: 'manual',
    externalId: `manual-${randomUUID()}`,
    channel: input.channel ?? null,
    campaignId: input.campaignId ?? null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    amount: input.amount,
    currency: input.currency.toUpperCase(),
    note: input.note ?? null,
  });
  return manager.getRepository(Spend).save(row);
}
