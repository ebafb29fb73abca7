import { EMPTY_FACTS } from '../../../src/domain/messages';
import { FACT_FIELDS, fieldsOf, MESSAGE_METRIC_IDS, METRICS_BY_ID, type Measure, type MessageMetricId } from '../../../src/domain/metrics';
import { columnOf, measureToSql, metricToSql } from '../../../src/store/metrics/measure-sql';
import { SnakeNamingStrategy } from '../../../src/store/naming-strategy';

const SENT = "count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED'))";
const DELIVERED = "count(*) FILTER (WHERE m.status = 'DELIVERED')";
const MEASURED = 'count(*) FILTER (WHERE m.read_seconds IS NOT NULL)';
const delivered = (condition: string) => `count(*) FILTER (WHERE m.status = 'DELIVERED' AND ${condition})`;

// The exact SQL of every message metric: [metric, numerator, denominator].
const EXPECTED: Array<[MessageMetricId, string, string | null]> = [
  ['sent', SENT, null],
  ['delivered', DELIVERED, null],
  [
    'deliveryRate',
    "count(*) FILTER (WHERE (m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AND NOT (m.status IN ('HARD_BOUNCED', 'SOFT_BOUNCED', 'DROPPED')))",
    SENT,
  ],
  ['hardBounceRate', "count(*) FILTER (WHERE m.status = 'HARD_BOUNCED')", SENT],
  ['softBounceRate', "count(*) FILTER (WHERE m.status = 'SOFT_BOUNCED')", SENT],
  ['bounceRate', "count(*) FILTER (WHERE m.status IN ('HARD_BOUNCED', 'SOFT_BOUNCED'))", SENT],
  ['openRate', delivered('m.first_human_open_at IS NOT NULL'), DELIVERED],
  ['machineOpenRate', delivered('m.machine_opens > 0 AND m.first_human_open_at IS NULL'), DELIVERED],
  ['scannerClickRate', delivered('m.scanner_clicks > 0 AND m.human_clicks = 0'), DELIVERED],
  ['clickRate', delivered('m.human_clicks > 0'), DELIVERED],
  ['totalClickRate', "coalesce(sum(m.human_clicks) FILTER (WHERE m.status = 'DELIVERED'), 0)", DELIVERED],
  ['clickToOpenRate', delivered('m.first_human_open_at IS NOT NULL AND m.human_clicks > 0'), delivered('m.first_human_open_at IS NOT NULL')],
  ['clickRateByLinkCategory', delivered("'CASE_STUDY' = ANY(m.clicked_link_categories)"), DELIVERED],
  ['avgReadSeconds', 'coalesce(sum(m.read_seconds) FILTER (WHERE m.read_seconds IS NOT NULL), 0)', MEASURED],
  ['readCompletionRate', 'count(*) FILTER (WHERE (m.read_seconds >= 8) IS TRUE)', MEASURED],
  ['replyRate', delivered('m.replied = TRUE'), DELIVERED],
  ['forwardRate', delivered('m.forwarded = TRUE'), DELIVERED],
  ['unsubscribeRate', delivered('m.unsubscribed = TRUE'), DELIVERED],
  ['complaintRate', delivered('m.complained = TRUE'), DELIVERED],
  ['conversionRate', delivered('m.converted = TRUE'), DELIVERED],
  ['clickToConversionRate', delivered('m.human_clicks > 0 AND m.converted = TRUE'), delivered('m.human_clicks > 0')],
  ['revenue', 'coalesce(sum(m.revenue), 0)', null],
  ['revenuePerEmail', 'coalesce(sum(m.revenue), 0)', SENT],
  ['trafficSessions', 'coalesce(sum(m.own_site_clicks), 0)', null],
];

describe('message metrics as SQL', () => {
  it('covers every message metric', () => {
    expect(EXPECTED.map(([metric]) => metric)).toEqual([...MESSAGE_METRIC_IDS]);
  });

  it.each(EXPECTED)('%s compiles to its aggregates over the message table', (metric, numerator, denominator) => {
    const params = metric === 'clickRateByLinkCategory' ? { linkCategory: 'CASE_STUDY' as const } : {};
    expect(metricToSql(metric, 'm', { params })).toEqual({ metric, numerator, denominator });
  });

  it('reads only columns of message facts, named as the entity naming strategy names them', () => {
    const naming = new SnakeNamingStrategy();
    const used = new Set(
      MESSAGE_METRIC_IDS.flatMap((id) => {
        const { numerator, denominator } = METRICS_BY_ID[id];
        return [numerator, denominator].flatMap((term) => (term?.measure ? fieldsOf(term.measure) : []));
      }),
    );
    for (const field of used) {
      expect(Object.keys(EMPTY_FACTS)).toContain(field);
      expect(columnOf(field)).toBe(naming.columnName(field, undefined, []));
    }
    expect(FACT_FIELDS.map(columnOf)).toContain('clicked_link_categories');
  });

  it('binds parameters through the caller, as placeholders of its query', () => {
    const values: unknown[] = [];
    const bind = (_name: string, value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    expect(metricToSql('readCompletionRate', 'msg', { params: { deepReadSeconds: 12 }, bind }).numerator).toBe(
      'count(*) FILTER (WHERE (msg.read_seconds >= $1) IS TRUE)',
    );
    expect(metricToSql('clickRateByLinkCategory', 'msg', { params: { linkCategory: 'INQUIRY' }, bind }).numerator).toBe(
      "count(*) FILTER (WHERE msg.status = 'DELIVERED' AND $2 = ANY(msg.clicked_link_categories))",
    );
    expect(values).toEqual([12, 'INQUIRY']);
  });

  it('parenthesises nested logic so precedence never decides the meaning', () => {
    const measure: Measure = {
      count: {
        where: {
          or: [{ and: [{ field: 'replied', eq: true }, { field: 'forwarded', eq: true }] }, { not: { or: [{ field: 'converted', eq: true }] } }],
        },
      },
    };
    expect(measureToSql(measure)).toBe('count(*) FILTER (WHERE (m.replied = TRUE AND m.forwarded = TRUE) OR NOT (m.converted = TRUE))');
    expect(measureToSql({ count: { where: { and: [] } } })).toBe('count(*) FILTER (WHERE TRUE)');
    expect(measureToSql({ count: {} })).toBe('count(*)');
  });

  it('lets nothing but catalogue words and checked numbers into the SQL', () => {
    expect(() => measureToSql({ count: { where: { field: 'status', eq: "DELIVERED' OR 1=1 --" } } })).toThrow('is not a valid value of "status"');
    expect(() => measureToSql({ count: { where: { field: 'status; DROP TABLE message' as never, eq: 'DELIVERED' } } })).toThrow('is not a message fact');
    expect(() => measureToSql({ sum: 'revenue' }, 'm; DROP TABLE message')).toThrow('a table alias is a plain lower-case SQL identifier');
    expect(() => metricToSql('readCompletionRate', 'm', { params: { deepReadSeconds: Number.NaN } })).toThrow('deepReadSeconds is a number of seconds ≥ 0');
    expect(() => metricToSql('clickRateByLinkCategory', 'm', { params: { linkCategory: "x' OR '1" as never } })).toThrow('linkCategory is one of');
    expect(() => metricToSql('clickRateByLinkCategory')).toThrow('the measure needs the parameter "linkCategory"');
    expect(() => metricToSql('roi' as MessageMetricId)).toThrow('"roi" is not a message metric: it has no measure');
  });
});
