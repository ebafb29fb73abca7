/**
 * What Northwind's own site measured: read time of the web version of each SendGrid mailing (a glance, a skim
 * or a deep read), page views after email clicks, quote and contact forms (after an email's inquiry link, or
 * the form that made a web visitor a lead), and orders as conversions with their value.
 */
import { DAY, MINUTE, SECOND, addMs, toSecond } from '../format';
import type { Random } from '../random';
import { SITE } from './campaigns';
import type { CrmState, EmailMessage, Person, Segment, SiteEvent } from './types';

type ReadClass = 'glance' | 'skim' | 'deep';

const READ_CLASSES: Record<Segment, ReadonlyArray<readonly [ReadClass, number]>> = {
  hot: [['glance', 5], ['skim', 20], ['deep', 75]],
  potential: [['glance', 10], ['skim', 35], ['deep', 55]],
  engaged: [['glance', 40], ['skim', 45], ['deep', 15]],
  low: [['glance', 70], ['skim', 27], ['deep', 3]],
};
const EXTRA_PAGES: Record<Segment, [number, number]> = { hot: [1, 4], potential: [0, 3], engaged: [0, 1], low: [0, 0] };
const FORM_AFTER_INQUIRY_CLICK: Record<Segment, number> = { hot: 0.75, potential: 0.3, engaged: 0.08, low: 0.02 };
const BROWSED_PAGES = ['/products/ball-valves', '/products/gate-valves', '/products/pipe-fittings', '/pricing/fob-price-list', '/case-studies/brewery-retrofit-bavaria', '/about/certifications', '/blog/incoterms-explained'];
const WEB_SOURCES = ['Organic Search', 'Paid Search', 'Social Media', 'Paid Social', 'Direct Traffic'];

export function buildSiteEvents(random: Random, people: readonly Person[], messages: readonly EmailMessage[], crm: CrmState, now: Date): SiteEvent[] {
  const events: Omit<SiteEvent, 'id'>[] = [];
  for (const message of messages) {
    const { person, campaign } = message;
    const firstHumanOpen = message.opens.find((open) => !open.machine);
    if (campaign.trackingCampaign && firstHumanOpen && random.chance(0.75)) {
      events.push({ type: 'READ', person, at: toSecond(addMs(firstHumanOpen.at, SECOND)), campaign: campaign.trackingCampaign, readSeconds: readSeconds(random, person.segment, campaign.type) });
    }
    let formSent = false;
    for (const click of message.clicks) {
      if (click.scanner || click.kind === 'UNSUBSCRIBE') continue;
      let at = toSecond(addMs(click.at, 2 * SECOND));
      events.push({ type: 'PAGE_VIEW', person, at, url: click.url });
      const [min, max] = EXTRA_PAGES[person.segment];
      for (let n = random.int(min, max); n > 0; n--) {
        at = toSecond(addMs(at, random.between(30, 240) * SECOND));
        events.push({ type: 'PAGE_VIEW', person, at, url: `${SITE}${random.pick(BROWSED_PAGES)}` });
      }
      if (click.kind === 'INQUIRY' && !formSent && random.chance(FORM_AFTER_INQUIRY_CLICK[person.segment])) {
        formSent = true;
        // The form's UTM tags name the mailing, so the inquiry counts as the answer to it.
        const formUrl = click.url.split('?')[0];
        events.push({ type: 'FORM_SUBMITTED', person, at: toSecond(addMs(click.at, random.between(1, 6) * MINUTE)), url: formUrl, campaign: campaign.trackingCampaign });
      }
    }
  }
  for (const person of people) {
    // A web lead's first visit ends with the form that created the contact.
    if (person.legacyList || !WEB_SOURCES.includes(person.originalSource) || !random.chance(0.6)) continue;
    events.push({ type: 'PAGE_VIEW', person, at: toSecond(addMs(person.createdAt, -random.between(2, 9) * MINUTE)), url: `${SITE}${random.pick(BROWSED_PAGES)}` });
    events.push({ type: 'FORM_SUBMITTED', person, at: toSecond(addMs(person.createdAt, -10 * SECOND)), url: `${SITE}${random.pick(['/contact', '/quote', '/guides/material-selection'])}` });
  }
  for (const deal of crm.deals) {
    if (deal.status === 'WON') events.push({ type: 'CONVERTED', person: deal.person, at: toSecond(addMs(deal.closeAt, 5 * MINUTE)), value: deal.amount });
  }
  const cutoff = now.getTime() - 10 * MINUTE;
  const start = now.getTime() - 121 * DAY;
  return events
    .filter((event) => event.at.getTime() <= cutoff && event.at.getTime() >= start)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((event, i) => ({ id: `nw-site-${String(i + 1).padStart(6, '0')}`, ...event }));
}

function readSeconds(random: Random, segment: Segment, type: string): number {
  const weights = READ_CLASSES[segment].map(([name, weight]) => {
    // Case studies hold readers; offers are skimmed.
    const factor = name !== 'deep' ? 1 : type === 'NURTURE' ? 1.5 : type === 'PROMOTIONAL' ? 0.8 : 1;
    return [name, weight * factor] as const;
  });
  const readClass = random.weighted(weights);
  const seconds = readClass === 'glance' ? random.between(0.4, 1.9) : readClass === 'skim' ? random.between(2, 7.9) : Math.min(180, Math.max(8, random.logNormal(22, 0.6)));
  return Math.round(seconds * 10) / 10;
}
