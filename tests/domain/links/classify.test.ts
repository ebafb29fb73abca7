import { compileLinkRules, DEFAULT_LINK_RULES, hostOf, isOwnSite } from '../../../src/domain/links/classify';

describe('link classification', () => {
  const categorise = compileLinkRules(DEFAULT_LINK_RULES);

  it('classifies by the default rules, the unsubscribe rule first', () => {
    expect(categorise('https://acme.test/products/valve')).toBe('PRODUCT');
    expect(categorise('https://acme.test/case-studies/brewery')).toBe('CASE_STUDY');
    expect(categorise('https://acme.test/contact?ref=mail')).toBe('INQUIRY');
    expect(categorise('https://acme.test/blog/guide')).toBe('CONTENT');
    expect(categorise('https://acme.test/products/unsubscribe')).toBe('UNSUBSCRIBE');
    expect(categorise('https://elsewhere.test/')).toBe('OTHER');
  });

  it('tries rules by priority, then in the order given, with substrings or /regular expressions/', () => {
    const rules = compileLinkRules([
      { pattern: 'offers', category: 'CONTENT', priority: 5 },
      { pattern: '/spring-\\d{4}/', category: 'PRODUCT', priority: 1 },
    ]);
    expect(rules('https://a.test/offers/spring-2026')).toBe('PRODUCT');
    expect(rules('https://a.test/OFFERS/winter')).toBe('CONTENT');
  });

  it('knows the workspace’s own site, subdomains included', () => {
    expect(hostOf('https://www.Acme.test/x')).toBe('acme.test');
    expect(isOwnSite('https://shop.acme.test/p', ['acme.test'])).toBe(true);
    expect(isOwnSite('https://notacme.test/p', ['acme.test'])).toBe(false);
    expect(isOwnSite('mailto:x@acme.test', ['acme.test'])).toBe(false);
  });
});
