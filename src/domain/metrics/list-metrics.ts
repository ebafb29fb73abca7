/** List metrics over plain inputs (spec "List metrics"). */
import type { ListMembershipStatus } from '../model';
import { amountValue, nullValue, ratioValue, type MetricValue } from './value';

/** One change of a contact's membership of the list (subscribe, unsubscribe, clean …) and when it happened. */
export interface MembershipChange {
  contactKey: string;
  status: ListMembershipStatus;
  at: Date;
}

/** At the same instant, a leaving status wins over a joining one: the contact's last word was to leave. */
const SAME_INSTANT_ORDER: Readonly<Record<ListMembershipStatus, number>> = { PENDING: 0, SUBSCRIBED: 1, UNSUBSCRIBED: 2, CLEANED: 3 };

/** listSize: contacts whose latest membership status at `at` is SUBSCRIBED. */
export function listSizeAt(changes: readonly MembershipChange[], at: Date): MetricValue {
  const latest = new Map<string, MembershipChange>();
  for (const change of changes) {
    if (change.at > at) continue;
    const known = latest.get(change.contactKey);
    const sameInstant = known !== undefined && change.at.getTime() === known.at.getTime();
    const later = !known || change.at > known.at || (sameInstant && SAME_INSTANT_ORDER[change.status] > SAME_INSTANT_ORDER[known.status]);
    if (later) latest.set(change.contactKey, change);
  }
  let subscribed = 0;
  for (const change of latest.values()) if (change.status === 'SUBSCRIBED') subscribed++;
  return amountValue('listSize', subscribed);
}

/**
 * The movements of a list over a period. Each contact that left counts once, under the cause that removed it
 * (a complaint usually unsubscribes too: count it as a complaint only).
 */
export interface ListMovement {
  /** Subscribed contacts at the start of the period. */
  startSize: number;
  newSubscribers: number;
  unsubscribes: number;
  hardBounces: number;
  complaints: number;
}

function checkMovement(movement: ListMovement): void {
  for (const [name, count] of Object.entries(movement)) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`list movement "${name}" is a whole count ≥ 0 (got ${count})`);
  }
}

/** (new subscribers − unsubscribes − hard bounces − complaints) / list size at period start. */
export function listGrowthRate(movement: ListMovement): MetricValue {
  checkMovement(movement);
  const { startSize, newSubscribers, unsubscribes, hardBounces, complaints } = movement;
  if (startSize === 0) {
    return nullValue('listGrowthRate', 'the list had no subscribers at the start of the period, so its growth rate is undefined', {
      numerator: newSubscribers - unsubscribes - hardBounces - complaints,
      denominator: 0,
    });
  }
  return ratioValue('listGrowthRate', newSubscribers - unsubscribes - hardBounces - complaints, startSize);
}

/** (unsubscribes + hard bounces + complaints) / list size at period start. */
export function listChurnRate(movement: ListMovement): MetricValue {
  checkMovement(movement);
  const { startSize, unsubscribes, hardBounces, complaints } = movement;
  if (startSize === 0) {
    return nullValue('listChurnRate', 'the list had no subscribers at the start of the period, so its churn rate is undefined', {
      numerator: unsubscribes + hardBounces + complaints,
      denominator: 0,
    });
  }
  return ratioValue('listChurnRate', unsubscribes + hardBounces + complaints, startSize);
}
