import { conversionRateOfInteractions, costPerAcquisition, costPerLead, roi, totalSpend } from '../../../src/domain/metrics';

describe('spend metrics', () => {
  it('computes the seed example CPL: 5000 spent for 250 new leads is 20 per lead', () => {
    expect(costPerLead(5000, 250)).toEqual({ metric: 'costPerLead', value: 20, numerator: 5000, denominator: 250, unit: 'MONEY_PER_LEAD', reason: null });
  });

  it('computes the seed example conversion rate: 70 conversions of 1000 interactions is 7 %', () => {
    expect(conversionRateOfInteractions(70, 1000)).toEqual({
      metric: 'conversionRateOfInteractions',
      value: 0.07,
      numerator: 70,
      denominator: 1000,
      unit: 'RATIO',
      reason: null,
    });
  });

  it('computes ROI as (revenue − cost) / cost', () => {
    expect(roi(15000, 5000)).toMatchObject({ value: 2, numerator: 10000, denominator: 5000 });
    expect(roi(3000, 5000)).toMatchObject({ value: -0.4, numerator: -2000, denominator: 5000 });
  });

  it('computes the cost per acquisition as spend / new customers', () => {
    expect(costPerAcquisition(5000, 4)).toMatchObject({ value: 1250, unit: 'MONEY_PER_CUSTOMER' });
  });

  it('is null with a reason when there is nothing to divide by or no spend recorded', () => {
    expect(costPerLead(5000, 0)).toEqual({
      metric: 'costPerLead',
      value: null,
      numerator: 5000,
      denominator: 0,
      unit: 'MONEY_PER_LEAD',
      reason: 'no new leads in this selection, so the cost per lead is undefined',
    });
    expect(costPerLead(null, 250)).toMatchObject({ value: null, denominator: 250, reason: 'no spend is recorded for this selection; record it with recordSpend' });
    expect(costPerAcquisition(5000, 0).reason).toBe('no new customers in this selection, so the cost per acquisition is undefined');
    expect(roi(null, 5000).reason).toBe('no attributed revenue is available (no source supplies conversion values)');
    expect(roi(100, 0).reason).toBe('the recorded cost is 0, so the return on it is undefined');
    expect(conversionRateOfInteractions(0, 0).reason).toBe(
      'no interactions (human clicks, replies, page views, form submits) in this selection, so Conversion rate of interactions is undefined',
    );
  });

  it('totals spend exactly, and refuses to add different currencies', () => {
    expect(totalSpend([{ amount: 0.1, currency: 'EUR' }, { amount: 0.2, currency: 'eur' }, { amount: 4999.7, currency: 'EUR' }]).value).toBe(5000);
    expect(totalSpend([{ amount: 10, currency: 'EUR' }, { amount: 10, currency: 'USD' }]).reason).toBe('spend is recorded in EUR and USD; select one currency');
    expect(totalSpend([]).value).toBeNull();
  });

  it('refuses impossible inputs', () => {
    expect(() => costPerLead(5000, -1)).toThrow('new leads is a whole count ≥ 0 (got -1)');
    expect(() => costPerLead(Number.NaN, 10)).toThrow('spend is an amount of money (got NaN)');
  });
});
