import { parse } from 'csv-parse/sync';
import { csvField, metricsCsv, type MetricRow, type ServedValue } from '../../../src/services/metrics';
import { metricColumns } from '../../../src/services/metrics/csv';

const value = (metric: ServedValue['metric'], numerator: number | null, denominator: number | null, result: number | null, reason: string | null = null): ServedValue => ({
  metric, numerator, denominator, value: result, unit: 'RATIO', reason, linkCategory: null,
});
const ctr = value('clickRate', 1, 2, 0.5);

describe('metrics as CSV', () => {
  it('quotes fields with commas, quotes or line breaks, doubling quotes, and leaves the rest bare', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', 0.25, null].map(csvField)).toEqual([
      'plain', '"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\r"', '0.25', '',
    ]);
  });

  it('writes one line per group with value, numerator and denominator of every metric, nulls as empty fields', () => {
    const rows: MetricRow[] = [
      { group: { dimension: 'CAMPAIGN', key: '7', label: 'Spring, "launch"\nfinal' }, messages: 10, values: [value('sent', 10, null, 10), value('deliveryRate', 7, 10, 0.7)], ctr },
      { group: { dimension: 'CAMPAIGN', key: '8', label: 'Empty' }, messages: 1, values: [value('sent', 0, null, 0), value('deliveryRate', 0, 0, null, 'no messages sent')], ctr },
    ];
    const csv = metricsCsv(rows, ['sent', 'deliveryRate'], 'CAMPAIGN');
    expect(csv.split('\r\n')[0]).toBe(
      'group_key,group_label,messages,sent_value,sent_numerator,sent_denominator,deliveryRate_value,deliveryRate_numerator,deliveryRate_denominator',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv, { columns: true })).toEqual([
      { group_key: '7', group_label: 'Spring, "launch"\nfinal', messages: '10', sent_value: '10', sent_numerator: '10', sent_denominator: '', deliveryRate_value: '0.7', deliveryRate_numerator: '7', deliveryRate_denominator: '10' },
      { group_key: '8', group_label: 'Empty', messages: '1', sent_value: '0', sent_numerator: '0', sent_denominator: '', deliveryRate_value: '', deliveryRate_numerator: '0', deliveryRate_denominator: '0' },
    ]);
  });

  it('names a per-category metric’s columns by category, unless the rows are the categories', () => {
    expect(metricColumns(['clickRate', 'clickRateByLinkCategory'], 'DAY')).toEqual([
      'clickRate', 'clickRateByLinkCategory_PRODUCT', 'clickRateByLinkCategory_CASE_STUDY', 'clickRateByLinkCategory_INQUIRY',
      'clickRateByLinkCategory_CONTENT', 'clickRateByLinkCategory_UNSUBSCRIBE', 'clickRateByLinkCategory_OTHER',
    ]);
    expect(metricColumns(['clickRate', 'clickRateByLinkCategory'], 'LINK_CATEGORY')).toEqual(['clickRate', 'clickRateByLinkCategory']);
  });

  it('writes the header alone when there are no groups', () => {
    expect(metricsCsv([], ['sent'], 'DAY')).toBe('group_key,group_label,messages,sent_value,sent_numerator,sent_denominator\r\n');
  });
});
