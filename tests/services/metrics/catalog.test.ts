import { METRIC_IDS, METRICS_BY_ID } from '../../../src/domain/metrics';
import { metricCatalog } from '../../../src/services/metrics';

describe('the served metric catalogue', () => {
  it('has every catalogue entry, in the spec’s order, with its terms in words', () => {
    const catalog = metricCatalog();
    expect(catalog.map((entry) => entry.id)).toEqual([...METRIC_IDS]);
    const openRate = catalog.find((entry) => entry.id === 'openRate')!;
    expect(openRate).toMatchObject({
      name: 'Open rate', unit: 'RATIO', scope: 'message', numerator: 'delivered messages opened by a human', denominator: 'delivered messages',
      groupBy: ['campaign', 'campaignType', 'channel', 'source', 'list', 'period'], perGroup: null, better: 'higher', computedBy: null,
      servedBy: 'Query.metrics, Campaign.metrics, GET /export/metrics.csv',
    });
    expect(openRate.notes).toEqual(METRICS_BY_ID.openRate.notes);
  });

  it('names the sources that supply each input, and none for a workspace setting', () => {
    const avgRead = metricCatalog('message').find((entry) => entry.id === 'avgReadSeconds')!;
    expect(avgRead.requiredInputs).toEqual([{ input: 'READ_TIME', description: 'read-time measurements', sources: ['hubspot', 'generic', 'demo'] }]);
    const traffic = metricCatalog('message').find((entry) => entry.id === 'trafficSessions')!;
    expect(traffic.requiredInputs[1]).toEqual({ input: 'SITE_DOMAINS', description: "the workspace's own site domains (a workspace setting)", sources: [] });
  });

  it('filters by scope and says where non-message metrics are computed', () => {
    const mixed = metricCatalog('mixed');
    expect(mixed.map((entry) => entry.id)).toEqual(['costPerLead', 'costPerAcquisition', 'roi', 'clvToCplRatio', 'clvToCacRatio', 'conversionRateOfInteractions']);
    expect(mixed[0]).toMatchObject({ servedBy: 'Query.funnel', computedBy: 'metrics/spend-metrics.costPerLead', denominator: 'new leads (contacts that first reached LEAD in the period)' });
  });
});
