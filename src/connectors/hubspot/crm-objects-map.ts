/**
 * Pure mapping of CRM v3 objects (source-formats.md §3.1, §3.5) onto the same records as the CSV exports.
 * Exported for the API pull: it fetches pages and hands each `results[]` element to mapCrmObject (or, knowing
 * the object type it asked for, to mapCrmContact / mapCrmDeal).
 */
import type { ContactRef, LifecycleChangeRecord } from '../../domain/model';
import { dateFromIso } from '../sdk/values';
import { contactRecordOf, lifecycleEntryOf, lifecycleFromStageDates, mapDeal, type PropertySource } from './map';
import { FieldProblem, type MapOutcome, outcomeOf, shown } from './outcome';
import { type CrmObject, crmObjectSchema, describeIssue } from './schemas';

/** Properties only one of the two object types has; a list request names at least one of them. */
const DEAL_PROPERTIES = ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate'];
const CONTACT_PROPERTIES = ['email', 'firstname', 'lastname', 'lifecyclestage', 'phone'];

export type CrmObjectKind = 'contact' | 'deal';

/** Tells a contact from a deal by its property names: the list response itself does not say. */
export function crmObjectKindOf(object: CrmObject): CrmObjectKind | undefined {
  const names = Object.keys(object.properties);
  if (DEAL_PROPERTIES.some((name) => names.includes(name))) return 'deal';
  if (CONTACT_PROPERTIES.some((name) => names.includes(name))) return 'contact';
  return undefined;
}

/** Validates one `results[]` element and maps it as a contact or a deal. */
export function mapCrmObject(value: unknown): MapOutcome {
  const parsed = crmObjectSchema.safeParse(value);
  if (!parsed.success) return describeIssue(parsed.error, value);
  const kind = crmObjectKindOf(parsed.data);
  if (kind === 'deal') return mapCrmDeal(parsed.data);
  if (kind === 'contact') return mapCrmContact(parsed.data);
  return {
    field: 'properties',
    reason: `cannot tell whether object ${parsed.data.id} is a contact or a deal from its properties (${Object.keys(parsed.data.properties).join(', ') || 'none'}); request contacts with properties=email,lifecyclestage or deals with properties=dealname,dealstage`,
  };
}

/**
 * A contact and its stage history. `propertiesWithHistory.lifecyclestage` is the real history (every change,
 * with its source) and is used when the request asked for it; otherwise the calculated "entered stage" dates
 * (hs_lifecyclestage_<stage>_date, or the newer hs_v2_date_entered_<stage>) give one entry per stage.
 */
export function mapCrmContact(object: CrmObject): MapOutcome {
  return outcomeOf(() => {
    const props = apiProperties(object);
    const contact = contactRecordOf(props);
    const history = object.propertiesWithHistory?.lifecyclestage;
    const lifecycle = history?.length
      ? lifecycleFromHistory(history, contact.ref)
      : lifecycleFromStageDates(props, contact.ref, (entry) => `hs_v2_date_entered_${entry.value}`);
    return [contact, ...lifecycle];
  });
}

/** A deal; its contact is the first associated contact when the request asked for associations=contacts. */
export function mapCrmDeal(object: CrmObject): MapOutcome {
  const contactId = object.associations?.contacts?.results[0]?.id;
  const contact: ContactRef | undefined = contactId ? { externalId: contactId } : undefined;
  return outcomeOf(() => [mapDeal(apiProperties(object), contact)]);
}

/**
 * Reads an object's string properties. `createdate` falls back to the object's `createdAt` (same instant,
 * always present). Datetimes are ISO 8601 (§3.1); all-digit values are read as ms since epoch, the form
 * HubSpot's older APIs and some calculated properties use.
 */
export function apiProperties(object: CrmObject): PropertySource {
  const text = (property: string): string | undefined => {
    const raw = property === 'hs_object_id' ? object.id : (object.properties[property] ?? (property === 'createdate' ? object.createdAt : undefined));
    const value = raw?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    fieldName: (property) => (property === 'hs_object_id' ? 'id' : property),
    text,
    date(property) {
      const value = text(property);
      if (value === undefined) return undefined;
      const date = /^\d{11,}$/.test(value) ? new Date(Number(value)) : dateFromIso(value);
      if (!date || Number.isNaN(date.getTime())) throw new FieldProblem(property, `"${property}" is not an ISO 8601 date (got ${shown(value)})`);
      return date;
    },
  };
}

type HistoryEntry = NonNullable<CrmObject['propertiesWithHistory']>[string][number];

/** One lifecycle record per change to a stage on our path, oldest first; see map.ts for evangelist and other. */
function lifecycleFromHistory(history: HistoryEntry[], contact: ContactRef): LifecycleChangeRecord[] {
  const field = 'propertiesWithHistory.lifecyclestage';
  const entries = history.map((entry) => {
    const at = dateFromIso(entry.timestamp);
    if (!at) throw new FieldProblem(field, `"${field}" has a change whose "timestamp" is not an ISO 8601 date (got ${shown(entry.timestamp)})`);
    return { entry, at, known: lifecycleEntryOf(entry.value ?? undefined) };
  });
  const reachedCustomer = entries.some(({ known }) => known?.value === 'customer');
  const records: LifecycleChangeRecord[] = [];
  for (const { entry, at, known } of entries) {
    if (known?.stage === undefined || (known.value === 'evangelist' && reachedCustomer)) continue;
    const cause = `hubspot: lifecyclestage history${entry.sourceType ? ` (${entry.sourceType})` : ''}`;
    records.push({ kind: 'lifecycle', contact, stage: known.stage, at, cause });
  }
  return records.sort((a, b) => a.at.getTime() - b.at.getTime());
}
