import { readConfig } from '../../src/server/config';

describe('the configuration from the environment', () => {
  it('sweeps lead tiers every 300 seconds unless FUNNELGRAPH_SWEEP_SECONDS says otherwise (0 turns it off)', () => {
    expect(readConfig({}).sweepSeconds).toBe(300);
    expect(readConfig({ FUNNELGRAPH_SWEEP_SECONDS: '0' }).sweepSeconds).toBe(0);
    expect(readConfig({ FUNNELGRAPH_SWEEP_SECONDS: '2.5' }).sweepSeconds).toBe(2.5);
    expect(() => readConfig({ FUNNELGRAPH_SWEEP_SECONDS: 'hourly' })).toThrow('FUNNELGRAPH_SWEEP_SECONDS must be a number of seconds, 0 to turn the sweep off (got "hourly")');
  });

  it('reads FUNNELGRAPH_PUBLIC_URL as the base URL vendors call, without a trailing slash, and refuses what is not one', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(readConfig({ FUNNELGRAPH_PUBLIC_URL: 'https://api.example.com/' }).publicUrl).toBe('https://api.example.com');
    expect(readConfig({ FUNNELGRAPH_PUBLIC_URL: 'https://example.com/funnelgraph/' }).publicUrl).toBe('https://example.com/funnelgraph');
    expect(() => readConfig({ FUNNELGRAPH_PUBLIC_URL: 'api.example.com' })).toThrow(/FUNNELGRAPH_PUBLIC_URL must be the URL vendors call/);
    expect(() => readConfig({ FUNNELGRAPH_PUBLIC_URL: 'ftp://api.example.com' })).toThrow(/must be http or https/);
  });
});
