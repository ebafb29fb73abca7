/**
 * The contact base of Northwind Export Co.: buyers at importers and distributors in sixteen markets. About half
 * arrived with the CRM import at the start of the window; the rest trickled in from the site, referrals and
 * trade fairs. One in ten comes from an old trade-fair list that nobody had mailed for years.
 */
import { DAY, HOUR, addMs, slug, startOfUtcDay, toMinute } from '../format';
import type { Random } from '../random';
import { COMPANY_KINDS, COMPANY_TRADES, MARKETS, type Market } from './names';
import type { Person, Segment, Stage } from './types';

export const WINDOW_DAYS = 120;

const SEGMENTS: ReadonlyArray<readonly [Segment, number]> = [['hot', 4], ['potential', 9], ['engaged', 22], ['low', 65]];

/** Where each segment ends up in the funnel: engagement and stage go together, as they would in a real CRM. */
const STAGE_ODDS: Record<Segment, ReadonlyArray<readonly [Stage, number]>> = {
  hot: [['CUSTOMER', 25], ['OPPORTUNITY', 20], ['SQL', 25], ['MQL', 25], ['LEAD', 5]],
  potential: [['CUSTOMER', 3], ['OPPORTUNITY', 5], ['SQL', 10], ['MQL', 35], ['LEAD', 45], ['SUBSCRIBER', 2]],
  engaged: [['SQL', 2], ['MQL', 10], ['LEAD', 55], ['SUBSCRIBER', 33]],
  low: [['MQL', 1], ['LEAD', 40], ['SUBSCRIBER', 59]],
};

const PHONE_ODDS: Record<Segment, number> = { hot: 0.85, potential: 0.55, engaged: 0.35, low: 0.2 };

const LATER_SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['Organic Search', 30], ['Paid Search', 15], ['Social Media', 10], ['Paid Social', 8], ['Referrals', 15], ['Direct Traffic', 10], ['Offline Sources', 12],
];
const IMPORTED_SOURCES: ReadonlyArray<readonly [string, number]> = [['Offline Sources', 60], ['Referrals', 20], ['Direct Traffic', 20]];

interface Company {
  name: string;
  domain: string;
  market: Market;
  linkScanner: boolean;
}

export function buildPeople(random: Random, count: number, now: Date, mailchimpCutoff: Date): Person[] {
  const windowStart = addMs(startOfUtcDay(now), -WINDOW_DAYS * DAY);
  const companies: Company[] = [];
  const companyNames = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  const people: Omit<Person, 'index' | 'recordId'>[] = [];

  for (let i = 0; i < count; i++) {
    const market = random.weighted(MARKETS.map((entry) => [entry, entry.weight] as const));
    const company = companyFor(random, market, companies, companyNames);
    const firstName = random.pick(market.firstNames);
    const lastName = random.pick(market.lastNames);
    const legacyList = random.chance(0.1);
    const imported = legacyList || random.chance(0.55);
    // The CRM import ran over the first three days; later contacts arrive through the whole window.
    // Whole minutes: the CRM export shows minutes, and every source must agree on when a contact was created.
    const createdAt = toMinute(imported
      ? addMs(windowStart, random.between(0, 3) * DAY + random.between(8, 18) * HOUR)
      : addMs(windowStart, random.between(6, WINDOW_DAYS - 2) * DAY));
    const segment: Segment = legacyList ? (random.chance(0.9) ? 'low' : 'engaged') : random.weighted(SEGMENTS);
    const recentlyCreated = now.getTime() - createdAt.getTime() < 14 * DAY;
    let stage = legacyList ? random.weighted<Stage>([['SUBSCRIBER', 70], ['LEAD', 30]]) : random.weighted(STAGE_ODDS[segment]);
    if (recentlyCreated && ['SQL', 'OPPORTUNITY', 'CUSTOMER'].includes(stage)) stage = 'MQL';
    const phone = random.chance(legacyList ? 0.15 : PHONE_ODDS[segment]) ? uniquePhone(random, market, phones) : undefined;
    people.push({
      firstName,
      lastName,
      email: uniqueEmail(random, firstName, lastName, company.domain, emails),
      company: company.name,
      country: market.country,
      countryIso: market.iso,
      phone,
      waId: phone && !legacyList && random.chance(0.8) ? phone.replace(/\D/g, '') : undefined,
      createdAt,
      segment,
      stage,
      originalSource: legacyList ? 'Offline Sources' : random.weighted(imported ? IMPORTED_SOURCES : LATER_SOURCES),
      invalidMailbox: random.chance(legacyList ? 0.42 : 0.02),
      legacyList,
      machineOpener: random.chance(0.3),
      linkScanner: company.linkScanner,
      mailchimpMember: !legacyList && createdAt < mailchimpCutoff && random.chance(0.7),
    });
  }
  // Record ids grow with creation time, as HubSpot's do.
  people.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let recordId = 51_207_000_000 + random.int(0, 99_999);
  return people.map((person, index) => {
    recordId += random.int(1, 40);
    return { ...person, index, recordId: String(recordId) };
  });
}

function companyFor(random: Random, market: Market, companies: Company[], names: Set<string>): Company {
  const local = companies.filter((company) => company.market === market);
  if (local.length > 0 && random.chance(0.6)) return random.pick(local);
  for (let attempt = 1; ; attempt++) {
    const words = [random.pick(market.companyWords), random.pick(COMPANY_TRADES), random.pick(COMPANY_KINDS)];
    // Very large demo bases run out of word combinations: number them rather than loop for ever.
    const base = attempt > 50 ? `${words.join(' ')} ${attempt}` : words.join(' ');
    if (names.has(base)) continue;
    names.add(base);
    const company = { name: `${base} ${random.pick(market.legalForms)}`, domain: `${slug(base)}.example`, market, linkScanner: random.chance(0.04) };
    companies.push(company);
    return company;
  }
}

function uniqueEmail(random: Random, firstName: string, lastName: string, domain: string, taken: Set<string>): string {
  const first = slug(firstName, '');
  const last = slug(lastName, '');
  const local = random.weighted([[`${first}.${last}`, 55], [`${first[0]}.${last}`, 15], [`${first}${last[0]}`, 10], [first, 10], [`${first}_${last}`, 10]]);
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** A mobile number in the market's numbering, unique in the base (two people sharing one would be merged). */
function uniquePhone(random: Random, market: Market, taken: Set<string>): string {
  for (;;) {
    const prefix = random.pick(market.mobilePrefixes);
    const subscriber = random.chars(market.subscriberDigits, '0123456789');
    const digits = `${market.callingCode}${prefix}${subscriber}`;
    if (taken.has(digits)) continue;
    taken.add(digits);
    const split = Math.ceil(subscriber.length / 2);
    return `+${market.callingCode} ${prefix} ${subscriber.slice(0, split)} ${subscriber.slice(split)}`;
  }
}
