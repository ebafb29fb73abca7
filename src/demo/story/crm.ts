/**
 * The CRM side: when each contact entered each lifecycle stage, its lead status, and the deals. Stage dates
 * follow behaviour — a customer's close date falls a few days after one of their email clicks, so the
 * conversion can be attributed to that email — and deals follow stages (customers won, opportunities open,
 * some SQLs lost).
 */
import { DAY, HOUR, addMs, round2, toMinute } from '../format';
import type { Random } from '../random';
import { PRODUCTS } from './names';
import type { CrmState, Deal, EmailMessage, Person, Stage } from './types';

const PATH: readonly Stage[] = ['SUBSCRIBER', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'];
const WEB_SOURCES = ['Organic Search', 'Paid Search', 'Social Media', 'Paid Social', 'Direct Traffic'];

const LEAD_STATUS: Record<Stage, ReadonlyArray<readonly [string, number]>> = {
  SUBSCRIBER: [['', 70], ['New', 30]],
  LEAD: [['New', 35], ['Open', 25], ['Attempted to Contact', 20], ['Bad Timing', 10], ['Unqualified', 10]],
  MQL: [['Open', 50], ['In Progress', 35], ['Attempted to Contact', 15]],
  SQL: [['In Progress', 40], ['Connected', 60]],
  OPPORTUNITY: [['Open Deal', 1]],
  CUSTOMER: [['Connected', 1]],
};

export function buildCrm(random: Random, people: readonly Person[], messages: readonly EmailMessage[], now: Date): CrmState {
  const clicksOf = new Map<number, Date[]>();
  for (const message of messages) {
    for (const click of message.clicks) {
      if (click.scanner || click.kind === 'UNSUBSCRIBE') continue;
      clicksOf.set(message.person.index, [...(clicksOf.get(message.person.index) ?? []), click.at]);
    }
  }
  const state: CrmState = { stageDates: new Map(), leadStatus: new Map(), deals: [] };
  let dealId = 18_304_000_000 + random.int(0, 99_999);
  const nextDealId = () => String((dealId += random.int(1, 25)));

  for (const person of people) {
    const clicks = (clicksOf.get(person.index) ?? []).sort((a, b) => a.getTime() - b.getTime());
    const dates = stageDates(random, person, clicks, now);
    state.stageDates.set(person.index, dates);
    const status = random.weighted(LEAD_STATUS[person.stage]);
    state.leadStatus.set(person.index, person.segment === 'hot' && status === 'Unqualified' ? 'Open' : status);
    state.deals.push(...dealsOf(random, person, dates, now, nextDealId));
  }
  return state;
}

function stageDates(random: Random, person: Person, clicks: Date[], now: Date): Partial<Record<Stage, Date>> {
  const webLead = WEB_SOURCES.includes(person.originalSource) && random.chance(0.7);
  const entry: Stage = person.stage === 'SUBSCRIBER' || (!webLead && random.chance(0.5)) ? 'SUBSCRIBER' : 'LEAD';
  const stages = PATH.slice(PATH.indexOf(entry), PATH.indexOf(person.stage) + 1);
  // HubSpot exports dates to the minute.
  const created = toMinute(person.createdAt);
  const dates: Partial<Record<Stage, Date>> = { [entry]: created };
  if (stages.length === 1) return dates;
  const latestAllowed = now.getTime() - 2 * HOUR;
  let end: number;
  const usableClicks = clicks.filter((click) => click.getTime() < latestAllowed - DAY);
  if (person.stage === 'CUSTOMER' && usableClicks.length > 0) {
    // The order follows an email click by days: inside the 30-day attribution window.
    end = Math.min(latestAllowed, random.pick(usableClicks).getTime() + random.between(1, 14) * DAY);
  } else {
    const from = Math.max(created.getTime() + 2 * DAY, clicks[0]?.getTime() ?? 0);
    end = from < latestAllowed ? random.between(from, latestAllowed) : random.between(created.getTime() + HOUR, latestAllowed);
  }
  end = Math.max(end, created.getTime() + 3 * HOUR);
  const points = stages
    .slice(1, -1)
    .map(() => random.between(created.getTime() + HOUR, end - HOUR))
    .sort((a, b) => a - b);
  stages.slice(1).forEach((stage, i) => {
    dates[stage] = toMinute(new Date(i < points.length ? points[i] : end));
  });
  return dates;
}

function dealsOf(random: Random, person: Person, dates: Partial<Record<Stage, Date>>, now: Date, nextId: () => string): Deal[] {
  const amount = () => round2(Math.round(Math.min(95_000, Math.max(1_800, random.logNormal(14_000, 0.7))) / 50) * 50);
  const deal = (fields: Omit<Deal, 'recordId' | 'person' | 'name' | 'amount'>, repeat = false): Deal => ({
    recordId: nextId(),
    person,
    name: `${person.company} — ${repeat ? 'repeat order: ' : ''}${random.pick(PRODUCTS)}`,
    amount: amount(),
    ...fields,
  });
  const limit = now.getTime() - 2 * HOUR;
  const deals: Deal[] = [];
  if (person.stage === 'CUSTOMER') {
    let close = dates.CUSTOMER as Date;
    deals.push(deal({ stageLabel: 'Closed Won', status: 'WON', createdAt: (dates.OPPORTUNITY ?? dates.SQL) as Date, closeAt: close }));
    // Repeat orders make the customers' revenue history (lifetime value).
    while (deals.length < 3 && random.chance(0.4)) {
      const createdAt = toMinute(addMs(close, random.between(12, 40) * DAY));
      const closeAt = toMinute(addMs(createdAt, random.between(3, 20) * DAY));
      if (closeAt.getTime() > limit) break;
      deals.push(deal({ stageLabel: 'Closed Won', status: 'WON', createdAt, closeAt }, true));
      close = closeAt;
    }
  } else if (person.stage === 'OPPORTUNITY') {
    const createdAt = dates.OPPORTUNITY as Date;
    const stageLabel = random.weighted([['Presentation Scheduled', 40], ['Decision Maker Bought-In', 35], ['Contract Sent', 25]] as const);
    deals.push(deal({ stageLabel, status: 'OPEN', createdAt, closeAt: toMinute(addMs(createdAt, random.between(30, 75) * DAY)) }));
  } else if (person.stage === 'SQL') {
    const sqlAt = dates.SQL as Date;
    const createdAt = toMinute(new Date(Math.max(sqlAt.getTime(), Math.min(limit - DAY, sqlAt.getTime() + random.between(1, 10) * DAY))));
    const closeAt = toMinute(new Date(Math.min(limit, createdAt.getTime() + random.between(7, 30) * DAY)));
    const roll = random.next();
    if (roll < 0.5) deals.push(deal({ stageLabel: 'Closed Lost', status: 'LOST', createdAt, closeAt }));
    else if (roll < 0.8) {
      const stageLabel = random.pick(['Appointment Scheduled', 'Qualified To Buy']);
      deals.push(deal({ stageLabel, status: 'OPEN', createdAt, closeAt: toMinute(addMs(createdAt, random.between(30, 90) * DAY)) }));
    }
  }
  return deals;
}
