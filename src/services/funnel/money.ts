/**
 * A group's money metrics: spend, new leads and customers, won-deal revenue, CPL, cost per acquisition, ROI, CLV
 * and CLV : CPL / CAC. Missing spend or revenue gives null with a reason (never 0): the domain functions say why.
 */
import {
  amountValue, clvToCacRatio, clvToCplRatio, costPerAcquisition, costPerLead, customerLifetimeValue, nullValue, roi, totalSpend,
  type CustomerRevenueHistory, type MetricValue,
} from '../../domain/metrics';
import type { FunnelMoney, SpendRow, WonDeal } from './types';

export interface MoneyInputs {
  spend: readonly SpendRow[];
  newLeads: number;
  newCustomers: number;
  /** Won deals counted as the group's revenue. */
  revenueDeals: readonly WonDeal[];
  /** Each customer's won deals and when they became a customer, for CLV. */
  customers: ReadonlyArray<{ since: Date; deals: readonly WonDeal[] }>;
  /** The month CLV histories run to. */
  asOf: Date;
}

const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
const pricedDeals = (deals: readonly WonDeal[]) => deals.filter((deal) => deal.amount !== null);

function currenciesOf(deals: readonly WonDeal[]): string[] {
  return [...new Set(deals.flatMap((deal) => (deal.currency ? [deal.currency.toUpperCase()] : [])))].sort();
}

function revenueOf(deals: readonly WonDeal[]): MetricValue {
  const priced = pricedDeals(deals);
  if (priced.length === 0) return nullValue('revenue', 'no won deal with an amount belongs to these contacts');
  const currencies = currenciesOf(priced);
  if (currencies.length > 1) return nullValue('revenue', `won deals are in ${currencies.join(' and ')}; revenue cannot be summed across currencies`);
  // Cents, so the sum is exact and independent of order.
  return amountValue('revenue', priced.reduce((cents, deal) => cents + Math.round(deal.amount! * 100), 0) / 100);
}

/** Month by month from the month a contact became a customer to `asOf`'s month; earlier deals count in the first month. */
function revenueHistory(since: Date, deals: readonly WonDeal[], asOf: Date): CustomerRevenueHistory {
  const first = monthIndex(since);
  const monthlyRevenue = new Array<number>(Math.max(1, monthIndex(asOf) - first + 1)).fill(0);
  for (const deal of pricedDeals(deals)) {
    const month = deal.at ? Math.min(Math.max(0, monthIndex(deal.at) - first), monthlyRevenue.length - 1) : 0;
    monthlyRevenue[month] += deal.amount!;
  }
  return { monthlyRevenue };
}

export function moneyMetrics(inputs: MoneyInputs): FunnelMoney {
  const spend = totalSpend(inputs.spend);
  const revenue = revenueOf(inputs.revenueDeals);
  const cpl = costPerLead(spend.value, inputs.newLeads);
  const cpa = costPerAcquisition(spend.value, inputs.newCustomers);
  const spendCurrency = inputs.spend[0]?.currency.toUpperCase();
  const revenueCurrency = currenciesOf(pricedDeals(inputs.revenueDeals))[0];
  const mismatch = spend.value !== null && revenue.value !== null && revenueCurrency !== undefined && revenueCurrency !== spendCurrency;
  const returnOnSpend = mismatch
    ? nullValue('roi', `spend is in ${spendCurrency} but revenue in ${revenueCurrency}; record them in one currency`)
    : roi(revenue.value, spend.value);
  // Customers without a priced won deal have no revenue history (not a zero one): they are left out of CLV.
  const histories = inputs.customers
    .filter((customer) => pricedDeals(customer.deals).length > 0)
    .map((customer) => revenueHistory(customer.since, customer.deals, inputs.asOf));
  const clvCurrencies = currenciesOf(inputs.customers.flatMap((customer) => pricedDeals(customer.deals)));
  const { averageMonthlyValue: _monthly, averageLifespanMonths: _lifespan, ...clv } = clvCurrencies.length > 1
    ? { ...nullValue('customerLifetimeValue', `customers' won deals are in ${clvCurrencies.join(' and ')}; select one currency`), averageMonthlyValue: null, averageLifespanMonths: null }
    : customerLifetimeValue(histories);
  return {
    spend,
    leads: amountValue('leads', inputs.newLeads),
    costPerLead: cpl,
    customers: amountValue('customers', inputs.newCustomers),
    costPerAcquisition: cpa,
    revenue,
    roi: returnOnSpend,
    customerLifetimeValue: clv,
    clvToCplRatio: clvToCplRatio(clv.value, cpl.value),
    clvToCacRatio: clvToCacRatio(clv.value, cpa.value),
  };
}
