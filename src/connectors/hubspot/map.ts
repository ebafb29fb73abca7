/**
 * Pure mapping of HubSpot contacts and deals onto ImportRecords, shared by the CSV exports and the CRM v3 API
 * (source-formats.md §3.1, §3.5, §3.6). Both read a record through a PropertySource keyed by HubSpot's internal
 * property names, so the CSV kinds only translate column labels and the API pull reuses these functions as is.
 *
 * Identity: a contact's and a deal's externalId is HubSpot's record id (`id` = `hs_object_id` = CSV
 * "Record ID"); contact refs also carry email and phone so records from other sources (email events name only
 * the recipient's address) resolve to the same person.
 */
import type { ContactRecord, ContactRef, DealRecord, DealStatus, ImportRecord, LifecycleChangeRecord, LifecycleStage } from '../../domain/model';
import { numberFrom } from '../sdk/values';
import { compact, FieldProblem, shown } from './outcome';

/** A HubSpot record's properties by internal name, however they were read. */
export interface PropertySource {
  /** The name to show the user for a property: the CSV column label, or the API property name. */
  fieldName(property: string): string;
  /** The trimmed value, or undefined when empty or absent. */
  text(property: string): string | undefined;
  /** The value as a date, undefined when empty; throws a FieldProblem when it is not a date. */
  date(property: string): Date | undefined;
}

interface LifecycleEntry {
  /** Internal value of the default stage (API, webhooks). */
  value: string;
  /** Option label (UI exports). */
  label: string;
  stage: LifecycleStage | undefined;
  /** The calculated "entered this stage" property, and its label as an export column. */
  dateProperty: string;
  dateLabel: string;
}

/**
 * HubSpot's default lifecycle stages (§3.1) onto ours. Two documented choices:
 * - `evangelist` comes after `customer` in HubSpot's order (stages only move forward), so an evangelist is a
 *   CUSTOMER; its "Became an Evangelist Date" counts as the customer date only when the customer date is empty.
 * - `other` has no place on our path: the contact keeps no stage and the raw value stays in
 *   properties.lifecyclestage. Custom stages (numeric internal values, or labels not listed here) are treated
 *   the same way: kept, never guessed, never a rejection.
 */
export const LIFECYCLE_STAGE_TABLE: readonly LifecycleEntry[] = [
  { value: 'subscriber', label: 'Subscriber', stage: 'SUBSCRIBER', dateProperty: 'hs_lifecyclestage_subscriber_date', dateLabel: 'Became a Subscriber Date' },
  { value: 'lead', label: 'Lead', stage: 'LEAD', dateProperty: 'hs_lifecyclestage_lead_date', dateLabel: 'Became a Lead Date' },
  { value: 'marketingqualifiedlead', label: 'Marketing Qualified Lead', stage: 'MQL', dateProperty: 'hs_lifecyclestage_marketingqualifiedlead_date', dateLabel: 'Became a Marketing Qualified Lead Date' },
  { value: 'salesqualifiedlead', label: 'Sales Qualified Lead', stage: 'SQL', dateProperty: 'hs_lifecyclestage_salesqualifiedlead_date', dateLabel: 'Became a Sales Qualified Lead Date' },
  { value: 'opportunity', label: 'Opportunity', stage: 'OPPORTUNITY', dateProperty: 'hs_lifecyclestage_opportunity_date', dateLabel: 'Became an Opportunity Date' },
  { value: 'customer', label: 'Customer', stage: 'CUSTOMER', dateProperty: 'hs_lifecyclestage_customer_date', dateLabel: 'Became a Customer Date' },
  { value: 'evangelist', label: 'Evangelist', stage: 'CUSTOMER', dateProperty: 'hs_lifecyclestage_evangelist_date', dateLabel: 'Became an Evangelist Date' },
  { value: 'other', label: 'Other', stage: undefined, dateProperty: 'hs_lifecyclestage_other_date', dateLabel: 'Became an Other Lifecycle Date' },
];

/** Default-pipeline deal stages (§3.1): internal id, export label, and the status a stage means. */
export const DEAL_STAGE_TABLE: readonly { id: string; label: string; status: DealStatus }[] = [
  { id: 'appointmentscheduled', label: 'Appointment Scheduled', status: 'OPEN' },
  { id: 'qualifiedtobuy', label: 'Qualified To Buy', status: 'OPEN' },
  { id: 'presentationscheduled', label: 'Presentation Scheduled', status: 'OPEN' },
  { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In', status: 'OPEN' },
  { id: 'contractsent', label: 'Contract Sent', status: 'OPEN' },
  { id: 'closedwon', label: 'Closed Won', status: 'WON' },
  { id: 'closedlost', label: 'Closed Lost', status: 'LOST' },
];

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Lifecycle entry for an internal value ("marketingqualifiedlead") or a label ("Marketing Qualified Lead"). */
export function lifecycleEntryOf(valueOrLabel: string | undefined): LifecycleEntry | undefined {
  if (valueOrLabel === undefined) return undefined;
  const key = normalised(valueOrLabel);
  return LIFECYCLE_STAGE_TABLE.find((entry) => entry.value === key || normalised(entry.label) === key);
}

export function lifecycleStageOf(valueOrLabel: string | undefined): LifecycleStage | undefined {
  return lifecycleEntryOf(valueOrLabel)?.stage;
}

/** A default stage's internal id for its id or label; custom stages (numeric ids, own labels) stay as given. */
export function dealStageIdOf(idOrLabel: string): string {
  const key = normalised(idOrLabel);
  return DEAL_STAGE_TABLE.find((entry) => entry.id === key || normalised(entry.label) === key)?.id ?? idOrLabel.trim();
}

/**
 * Custom pipelines have numeric stage ids whose meaning only the pipelines API knows; the API's calculated
 * `hs_is_closed_won` / `hs_is_closed` say it directly and win over the stage. Without them a custom stage is OPEN.
 */
export function dealStatusOf(stageId: string, closedWon?: string, closed?: string): DealStatus {
  if (closedWon === 'true') return 'WON';
  if (closed === 'true') return 'LOST';
  return DEAL_STAGE_TABLE.find((entry) => entry.id === stageId)?.status ?? 'OPEN';
}

/** HubSpot record ids are strings of digits (§3.1). */
export function recordIdOf(props: PropertySource): string {
  const field = props.fieldName('hs_object_id');
  const id = props.text('hs_object_id');
  if (id === undefined) throw new FieldProblem(field, `"${field}" is empty: every HubSpot record has one (was the export edited?)`);
  if (!/^\d+$/.test(id)) throw new FieldProblem(field, `"${field}" is not a HubSpot record id (got ${shown(id)}); ids are digits`);
  return id;
}

export function contactRefOf(props: PropertySource): ContactRef {
  return compact({ externalId: recordIdOf(props), email: props.text('email'), phone: props.text('phone') });
}

/** Vendor properties kept on the contact. Values are as the source gives them: labels in exports, internal values from the API. */
export const KEPT_CONTACT_PROPERTIES = ['lifecyclestage', 'hs_lead_status', 'hs_analytics_source', 'hs_analytics_source_data_1', 'hs_analytics_source_data_2'];

export function contactRecordOf(props: PropertySource): ContactRecord {
  const ref = contactRefOf(props);
  const properties: Record<string, string> = {};
  for (const name of KEPT_CONTACT_PROPERTIES) {
    const value = props.text(name);
    if (value !== undefined) properties[name] = value;
  }
  return compact<ContactRecord>({
    kind: 'contact',
    ref,
    firstName: props.text('firstname'),
    lastName: props.text('lastname'),
    company: props.text('company'),
    createdAt: props.date('createdate'),
    lifecycleStage: lifecycleStageOf(props.text('lifecyclestage')),
    properties: Object.keys(properties).length ? properties : undefined,
  });
}

/**
 * One lifecycle record per filled "entered stage" date. `fallbackProperty` names an alternative property to
 * read when the first is empty (the API's newer hs_v2_date_entered_<stage>).
 */
export function lifecycleFromStageDates(
  props: PropertySource,
  contact: ContactRef,
  fallbackProperty?: (entry: LifecycleEntry) => string,
): LifecycleChangeRecord[] {
  const entered = new Map<string, { date: Date; property: string }>();
  for (const entry of LIFECYCLE_STAGE_TABLE) {
    let property = entry.dateProperty;
    let date = props.date(property);
    if (date === undefined && fallbackProperty) {
      property = fallbackProperty(entry);
      date = props.date(property);
    }
    if (date !== undefined) entered.set(entry.value, { date, property });
  }
  const records: LifecycleChangeRecord[] = [];
  for (const entry of LIFECYCLE_STAGE_TABLE) {
    const found = entered.get(entry.value);
    if (!found || !entry.stage) continue;
    if (entry.value === 'evangelist' && entered.has('customer')) continue;
    records.push({ kind: 'lifecycle', contact, stage: entry.stage, at: found.date, cause: `hubspot: ${props.fieldName(found.property)}` });
  }
  return records;
}

/** A contact and its stage history from the "entered stage" dates (CSV "Became a … Date" columns). */
export function mapContact(props: PropertySource): ImportRecord[] {
  const contact = contactRecordOf(props);
  return [contact, ...lifecycleFromStageDates(props, contact.ref)];
}

export function mapDeal(props: PropertySource, contact?: ContactRef): DealRecord {
  const externalId = recordIdOf(props);
  const stageField = props.fieldName('dealstage');
  const rawStage = props.text('dealstage');
  if (rawStage === undefined) {
    throw new FieldProblem(stageField, `"${stageField}" is empty: a deal's status (open, won, lost) comes from its stage`);
  }
  const stage = dealStageIdOf(rawStage);
  const status = dealStatusOf(stage, props.text('hs_is_closed_won'), props.text('hs_is_closed'));
  const amountField = props.fieldName('amount');
  const rawAmount = props.text('amount');
  const amount = rawAmount === undefined ? undefined : numberFrom(rawAmount);
  if (rawAmount !== undefined && amount === undefined) {
    throw new FieldProblem(amountField, `"${amountField}" is not a number (got ${shown(rawAmount)}); HubSpot amounts are plain decimals such as 1500.00, without currency signs or thousands separators`);
  }
  const closeDate = props.date('closedate');
  return compact<DealRecord>({
    kind: 'deal',
    externalId,
    name: props.text('dealname'),
    contact,
    amount,
    currency: props.text('deal_currency_code'),
    stage,
    status,
    createdAt: props.date('createdate'),
    // An open deal's close date is the forecast, not a close: only a won or lost deal has closedAt.
    closedAt: status === 'OPEN' ? undefined : closeDate,
  });
}
