/**
 * The funnel query: loads the workspace's stage history, first touches, won deals and spend (load.ts), splits
 * them by breakdown group and computes each group's stages and money metrics with the pure domain functions.
 */
import type { EntityManager } from 'typeorm';
import { reachedAt } from '../../domain/lifecycle';
import { cohortFunnel, firstReachedIn, inPeriod, type ContactHistory, type Period } from '../../domain/metrics';
import { UserInputError } from '../errors';
import { compareKeys, contactGroup, spendGroup, type GroupKey } from './groups';
import { loadFunnelData, type FunnelData } from './load';
import { moneyMetrics } from './money';
import { cohortStages, snapshotStages } from './stages';
import { FUNNEL_BREAKDOWNS, FUNNEL_MODES, type FunnelGroup, type FunnelQuery, type SpendRow, type WonDeal } from './types';

const isDate = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());

export function checkFunnelQuery(query: FunnelQuery): void {
  if (!isDate(query.from) || !isDate(query.to) || !isDate(query.at)) throw new UserInputError('from, to and at must be ISO 8601 date-times');
  if (query.from >= query.to) throw new UserInputError(`from (${query.from.toISOString()}) must be before to (${query.to.toISOString()}); to is exclusive`);
  if (!FUNNEL_MODES.includes(query.mode)) throw new UserInputError(`mode must be one of ${FUNNEL_MODES.join(', ')} (got "${query.mode}")`);
  if (!FUNNEL_BREAKDOWNS.includes(query.breakdown)) throw new UserInputError(`breakdown must be one of ${FUNNEL_BREAKDOWNS.join(', ')} (got "${query.breakdown}")`);
}

interface GroupInputs extends GroupKey {
  histories: ContactHistory[];
  spend: SpendRow[];
}

function splitByGroup(data: FunnelData, query: FunnelQuery): GroupInputs[] {
  const groups = new Map<string, GroupInputs>();
  const groupOf = (key: GroupKey) => {
    let group = groups.get(key.key);
    if (!group) groups.set(key.key, (group = { ...key, histories: [], spend: [] }));
    return group;
  };
  for (const history of data.histories) groupOf(contactGroup(query.breakdown, data.firstTouches.get(history.contactId))).histories.push(history);
  for (const spend of data.spend) groupOf(spendGroup(query.breakdown, spend)).spend.push(spend);
  if (query.breakdown === 'NONE') groupOf(contactGroup('NONE', undefined));
  return [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
}

function dealsByContact(deals: readonly WonDeal[]): Map<string, WonDeal[]> {
  const byContact = new Map<string, WonDeal[]>();
  for (const deal of deals) {
    const key = String(deal.contactId);
    byContact.set(key, [...(byContact.get(key) ?? []), deal]);
  }
  return byContact;
}

function customersOf(histories: readonly ContactHistory[], deals: Map<string, WonDeal[]>, at: Date) {
  return histories.flatMap((history) => {
    const since = reachedAt(history.changes, 'CUSTOMER', at);
    const won = (deals.get(history.contactId) ?? []).filter((deal) => !deal.at || deal.at <= at);
    return since ? [{ since, deals: won }] : [];
  });
}

function computeGroup(group: GroupInputs, query: FunnelQuery, deals: Map<string, WonDeal[]>): FunnelGroup | null {
  const period: Period = { start: query.from, end: query.to };
  const base = { dimension: query.breakdown, key: group.key, label: group.label };
  if (query.mode === 'COHORT') {
    const members = new Set(cohortFunnel(group.histories, period, query.at).cohort);
    const cohort = group.histories.filter((history) => members.has(history.contactId));
    if (cohort.length === 0 && group.spend.length === 0 && query.breakdown !== 'NONE') return null;
    const customers = customersOf(cohort, deals, query.at);
    const money = moneyMetrics({
      spend: group.spend,
      newLeads: cohort.length,
      newCustomers: customers.length,
      revenueDeals: customers.flatMap((customer) => customer.deals),
      customers,
      asOf: query.at,
    });
    return { ...base, contacts: cohort.length, stages: cohortStages(cohort, query.at), ...money };
  }
  const staged = group.histories.filter((history) => history.changes.some((change) => change.at <= query.at));
  if (staged.length === 0 && group.spend.length === 0 && query.breakdown !== 'NONE') return null;
  const revenueDeals = staged.flatMap((history) => (deals.get(history.contactId) ?? []).filter((deal) => deal.at !== null && inPeriod(deal.at, period)));
  const money = moneyMetrics({
    spend: group.spend,
    newLeads: firstReachedIn(group.histories, 'LEAD', period, query.at),
    newCustomers: firstReachedIn(group.histories, 'CUSTOMER', period, query.at),
    revenueDeals,
    customers: customersOf(staged, deals, query.at),
    asOf: query.at,
  });
  return { ...base, contacts: staged.length, stages: snapshotStages(staged, query.at), ...money };
}

export async function queryFunnel(manager: EntityManager, workspaceId: number, query: FunnelQuery): Promise<FunnelGroup[]> {
  checkFunnelQuery(query);
  const data = await loadFunnelData(manager, workspaceId, query);
  const deals = dealsByContact(data.wonDeals);
  return splitByGroup(data, query).flatMap((group) => computeGroup(group, query, deals) ?? []);
}
