/**
 * Customer lifetime value from the customers' own revenue history (spec: average customer value per month ×
 * average customer lifespan in months), and its comparison with the cost of a lead or a customer.
 */
import type { MetricValue } from './value';
import { nullValue, ratioValue } from './value';

/**
 * One customer's revenue, month by month, from the month they became a customer to their last month as one
 * (or the current month). Months without revenue inside that span are 0, not left out: they are still months
 * of the customer's lifespan.
 */
export interface CustomerRevenueHistory {
  monthlyRevenue: readonly number[];
}

export interface LifetimeValue extends MetricValue {
  /** Pooled: total revenue / total customer-months. */
  averageMonthlyValue: number | null;
  averageLifespanMonths: number | null;
}

/**
 * CLV = average value per month × average lifespan in months. The value per month is pooled over all
 * customer-months rather than a mean of each customer's own average (which would let one month of a single order
 * weigh as much as years of another customer's), so the product equals total revenue / customers: numerator and
 * denominator re-aggregate exactly.
 */
export function customerLifetimeValue(customers: readonly CustomerRevenueHistory[]): LifetimeValue {
  const histories = customers.filter((customer) => customer.monthlyRevenue.length > 0);
  for (const customer of histories) {
    const bad = customer.monthlyRevenue.find((amount) => !Number.isFinite(amount));
    if (bad !== undefined) throw new RangeError(`a monthly revenue is an amount of money (got ${bad})`);
  }
  if (histories.length === 0) {
    return {
      ...nullValue('customerLifetimeValue', 'no customer has a revenue history yet (won deals with dates)', { denominator: 0 }),
      averageMonthlyValue: null,
      averageLifespanMonths: null,
    };
  }
  // Cents, so the total is exact and independent of order.
  const totalCents = histories.reduce((sum, customer) => sum + customer.monthlyRevenue.reduce((s, amount) => s + Math.round(amount * 100), 0), 0);
  const totalRevenue = totalCents / 100;
  const customerMonths = histories.reduce((sum, customer) => sum + customer.monthlyRevenue.length, 0);
  const averageMonthlyValue = totalRevenue / customerMonths;
  const averageLifespanMonths = customerMonths / histories.length;
  return { ...ratioValue('customerLifetimeValue', totalRevenue, histories.length), averageMonthlyValue, averageLifespanMonths };
}

function valueRatio(metric: 'clvToCplRatio' | 'clvToCacRatio', clv: number | null, cost: number | null, costName: string): MetricValue {
  if (clv === null) return nullValue(metric, 'the customer lifetime value is unknown (no customer revenue history)', { denominator: cost });
  if (cost === null) return nullValue(metric, `the ${costName} is unknown (no spend recorded, or nothing acquired)`, { numerator: clv });
  if (cost === 0) return nullValue(metric, `the ${costName} is 0, so the ratio is undefined`, { numerator: clv, denominator: 0 });
  return ratioValue(metric, clv, cost);
}

/** CLV / CPL (≈ 5 : 1 is good business). */
export function clvToCplRatio(clv: number | null, costPerLead: number | null): MetricValue {
  return valueRatio('clvToCplRatio', clv, costPerLead, 'cost per lead');
}

/** CLV / cost per acquisition (≈ 5 : 1 is good business). */
export function clvToCacRatio(clv: number | null, costPerAcquisition: number | null): MetricValue {
  return valueRatio('clvToCacRatio', clv, costPerAcquisition, 'cost per acquisition');
}
