/**
 * Link classification: workspace rules map a URL pattern to a link category. Rules are tried by priority
 * (lower first), then in the order given; the first match wins; no match is OTHER.
 * A pattern is a case-insensitive substring of the URL, or a regular expression written /like this/.
 */
import type { LinkCategory } from '../model';

export interface LinkRule {
  pattern: string;
  category: LinkCategory;
  priority?: number;
}

export const DEFAULT_LINK_RULES: readonly LinkRule[] = [
  { pattern: '/unsubscribe', category: 'UNSUBSCRIBE', priority: 0 },
  { pattern: '/(contact|inquiry|enquiry|quote|demo|rfq)/', category: 'INQUIRY', priority: 10 },
  { pattern: '/(case-stud|customer-stor|success-stor)/', category: 'CASE_STUDY', priority: 20 },
  { pattern: '/(product|pricing|catalog|shop)/', category: 'PRODUCT', priority: 30 },
  { pattern: '/(blog|news|article|guide|webinar|whitepaper|ebook)/', category: 'CONTENT', priority: 40 },
];

export function compileLinkRules(rules: readonly LinkRule[]): (url: string) => LinkCategory {
  const ordered = rules
    .map((rule, index) => ({ rule, index, test: patternTest(rule.pattern) }))
    .sort((a, b) => (a.rule.priority ?? 100) - (b.rule.priority ?? 100) || a.index - b.index);
  return (url: string) => ordered.find((entry) => entry.test(url))?.rule.category ?? 'OTHER';
}

function patternTest(pattern: string): (url: string) => boolean {
  const regex = /^\/(.+)\/$/.exec(pattern);
  if (regex) {
    const compiled = new RegExp(regex[1], 'i');
    return (url) => compiled.test(url);
  }
  const needle = pattern.toLowerCase();
  return (url) => url.toLowerCase().includes(needle);
}

/** The host of a URL without "www.", or undefined when it is not an absolute http(s) URL. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Whether a URL lands on one of the workspace's own site domains (subdomains included). */
export function isOwnSite(url: string, siteDomains: readonly string[]): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return siteDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
