import type { DeliveryStatus, LinkCategory } from '../model';
import { DEFAULT_FACT_SETTINGS, EMPTY_FACTS, type FactEvent, type FactSettings, type MessageFacts } from './facts';

/** Events that prove the message reached the person: a status never moves back from them (read implies delivered). */
const DELIVERY_EVIDENCE = new Set(['DELIVERED', 'OPENED', 'CLICKED', 'READ', 'REPLIED', 'FORWARDED', 'COMPLAINED', 'PRINTED']);

/**
 * Derives a message's facts from its events. Order-independent: events are sorted by time (then id) first, and
 * every fact is a min, max, count or "any" over the set.
 *
 * Final status: DROPPED > HARD_BOUNCED > SOFT_BOUNCED > DELIVERED > PENDING, except that a soft bounce gives way
 * to evidence of delivery (a retried message that then arrived). Deferred is not final and changes nothing.
 * WhatsApp `failed` counts as a soft bounce: the Cloud API does not say whether the failure is permanent.
 * A source that counts sent-and-not-bounced as delivered (settings.deliveredUnlessBounced) turns PENDING into
 * DELIVERED with no delivery time.
 */
export function deriveMessageFacts(events: readonly FactEvent[], settings: FactSettings = DEFAULT_FACT_SETTINGS): MessageFacts {
  const sorted = [...events].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.sourceEventId < b.sourceEventId ? -1 : a.sourceEventId > b.sourceEventId ? 1 : 0),
  );
  const facts: MessageFacts = { ...EMPTY_FACTS, clickedLinkCategories: [] };
  const earliest = (current: Date | null, at: Date) => (current === null || at < current ? at : current);

  let dropped: Date | null = null;
  let hard: Date | null = null;
  let soft: Date | null = null;
  let evidence: Date | null = null;
  for (const event of sorted) {
    facts.lastEventAt = event.occurredAt;
    if (event.type === 'SENT') facts.sentAt = earliest(facts.sentAt, event.occurredAt);
    if (event.type === 'DELIVERED') facts.deliveredAt = earliest(facts.deliveredAt, event.occurredAt);
    if (event.type === 'DROPPED') dropped = earliest(dropped, event.occurredAt);
    if (event.type === 'BOUNCED' && event.bounceKind === 'HARD') hard = earliest(hard, event.occurredAt);
    if ((event.type === 'BOUNCED' && event.bounceKind !== 'HARD') || event.type === 'FAILED') soft = earliest(soft, event.occurredAt);
    if (DELIVERY_EVIDENCE.has(event.type)) evidence = earliest(evidence, event.occurredAt);
  }

  const reference = facts.deliveredAt ?? facts.sentAt;
  const categories = new Set<LinkCategory>();
  for (const event of sorted) {
    switch (event.type) {
      case 'OPENED':
        if (event.isMachine) facts.machineOpens++;
        else {
          facts.humanOpens++;
          facts.firstHumanOpenAt = earliest(facts.firstHumanOpenAt, event.occurredAt);
          // Some sources measure the read on the open itself (HubSpot's OPEN `duration`).
          if (event.readSeconds !== undefined && event.readSeconds !== null) facts.readSeconds = Math.max(facts.readSeconds ?? 0, event.readSeconds);
        }
        break;
      case 'CLICKED':
        if (event.isMachine || isScannerClick(event.occurredAt, reference, settings)) facts.scannerClicks++;
        else {
          facts.humanClicks++;
          facts.firstHumanClickAt = earliest(facts.firstHumanClickAt, event.occurredAt);
          facts.firstHumanOpenAt = earliest(facts.firstHumanOpenAt, event.occurredAt);
          if (event.ownSite) facts.ownSiteClicks++;
          if (event.linkCategory) categories.add(event.linkCategory);
        }
        break;
      case 'READ':
        // A read receipt (WhatsApp) is the channel's human open; a measurement also carries seconds.
        facts.firstHumanOpenAt = earliest(facts.firstHumanOpenAt, event.occurredAt);
        if (event.readSeconds !== undefined && event.readSeconds !== null) {
          facts.readSeconds = Math.max(facts.readSeconds ?? 0, event.readSeconds);
        }
        break;
      case 'REPLIED':
      case 'FORM_SUBMITTED':
        facts.replied = true;
        break;
      case 'FORWARDED':
        facts.forwarded = true;
        break;
      case 'UNSUBSCRIBED':
        facts.unsubscribed = true;
        break;
      case 'COMPLAINED':
        facts.complained = true;
        break;
      case 'CONVERTED':
        facts.converted = true;
        facts.revenue += event.value ?? 0;
        break;
      default:
        break;
    }
  }
  facts.clickedLinkCategories = [...categories].sort();
  facts.revenue = Math.round(facts.revenue * 100) / 100;

  const [status, statusAt] = finalStatus(dropped, hard, soft, evidence, facts.deliveredAt, settings.deliveredUnlessBounced ?? false);
  facts.status = status;
  facts.statusAt = statusAt;
  if (status === 'DELIVERED' && facts.deliveredAt === null) facts.deliveredAt = evidence;
  return facts;
}

function finalStatus(
  dropped: Date | null, hard: Date | null, soft: Date | null, evidence: Date | null, delivered: Date | null, deliveredUnlessBounced: boolean,
): [DeliveryStatus, Date | null] {
  if (dropped) return ['DROPPED', dropped];
  if (hard) return ['HARD_BOUNCED', hard];
  if (soft && !evidence) return ['SOFT_BOUNCED', soft];
  if (evidence) return ['DELIVERED', delivered ?? evidence];
  // Delivered by the source's own definition, at no known time.
  if (deliveredUnlessBounced) return ['DELIVERED', null];
  return ['PENDING', null];
}

export function isScannerClick(at: Date, reference: Date | null, settings: FactSettings): boolean {
  if (reference === null) return false;
  const secondsAfter = (at.getTime() - reference.getTime()) / 1000;
  return secondsAfter >= 0 && secondsAfter < settings.scannerWindowSeconds;
}
