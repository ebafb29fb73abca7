/**
 * Spend-based metrics over plain inputs (spec "Lead and funnel metrics"). Spend and revenue are money in one
 * currency; a caller that mixes currencies gets null with a reason from totalSpend, not a meaningless sum.
 */
import { amountValue, nullValue, ratioValue, type MetricValue } from './value';

const NO_SPEND = 'no spend is recorded for this selection; record it with recordSpend';

export interface SpendAmount {
  amount: number;
  currency: string;
}

/** Amounts of money are finite; counts are whole and ≥ 0. A bad input is a programming error upstream. */
function checkMoney(name: string, amount: number): void {
  if (!Number.isFinite(amount)) throw new RangeError(`${name} is an amount of money (got ${amount})`);
}
function checkCount(name: string, count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`${name} is a whole count ≥ 0 (got ${count})`);
}

/** spend: the sum of the recorded amounts; null when none is recorded or they are in different currencies. */
export function totalSpend(spends: readonly SpendAmount[]): MetricValue {
  if (spends.length === 0) return nullValue('spend', NO_SPEND);
  const currencies = [...new Set(spends.map((spend) => spend.currency.toUpperCase()))].sort();
  if (currencies.length > 1) {
    return nullValue('spend', `spend is recorded in ${currencies.join(' and ')}; select one currency`);
  }
  spends.forEach((spend) => checkMoney('spend', spend.amount));
  // Summed in cents: the total is then exact and does not depend on the order of the records.
  const cents = spends.reduce((total, spend) => total + Math.round(spend.amount * 100), 0);
  return amountValue('spend', cents / 100);
}

/** CPL: spend / new leads (5000 / 250 = 20). `spend` null means none is recorded. */
export function costPerLead(spend: number | null, newLeads: number): MetricValue {
  checkCount('new leads', newLeads);
  if (spend === null) return nullValue('costPerLead', NO_SPEND, { denominator: newLeads });
  checkMoney('spend', spend);
  if (newLeads === 0) {
    return nullValue('costPerLead', 'no new leads in this selection, so the cost per lead is undefined', { numerator: spend, denominator: 0 });
  }
  return ratioValue('costPerLead', spend, newLeads);
}

/** Cost per acquisition: spend / new customers. */
export function costPerAcquisition(spend: number | null, newCustomers: number): MetricValue {
  checkCount('new customers', newCustomers);
  if (spend === null) return nullValue('costPerAcquisition', NO_SPEND, { denominator: newCustomers });
  checkMoney('spend', spend);
  if (newCustomers === 0) {
    const reason = 'no new customers in this selection, so the cost per acquisition is undefined';
    return nullValue('costPerAcquisition', reason, { numerator: spend, denominator: 0 });
  }
  return ratioValue('costPerAcquisition', spend, newCustomers);
}

/** ROI: (attributed revenue − cost) / cost. `revenue` null means no source supplies attributed revenue. */
export function roi(revenue: number | null, cost: number | null): MetricValue {
  if (cost === null) return nullValue('roi', NO_SPEND);
  checkMoney('cost', cost);
  if (revenue === null) return nullValue('roi', 'no attributed revenue is available (no source supplies conversion values)', { denominator: cost });
  checkMoney('revenue', revenue);
  if (cost === 0) return nullValue('roi', 'the recorded cost is 0, so the return on it is undefined', { numerator: revenue, denominator: 0 });
  return ratioValue('roi', revenue - cost, cost);
}

/** Conversions / interactions (70 / 1000 = 7 %). */
export function conversionRateOfInteractions(conversions: number, interactions: number): MetricValue {
  checkCount('conversions', conversions);
  checkCount('interactions', interactions);
  return ratioValue('conversionRateOfInteractions', conversions, interactions);
}
