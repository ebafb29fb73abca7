/**
 * Pure mapping of audience members — `GET /lists/{list_id}/members` elements and rows of the UI "Export
 * Audience" CSV — onto a contact and its list membership. Both give the contact the same identity
 * (member id = MD5 of the lower-cased email) and the same property names, so the two sources agree.
 *
 * The date a member entered its status: Mailchimp states it exactly only for some statuses, so each status
 * reads the first non-empty of a list of fields. `last_changed` / LAST_CHANGED closes every list: a status is
 * held no later than the member's last change, and the members API has no unsubscribe or clean time at all.
 * `archived` and `transactional` members (API) and the non-subscribed export are not audience memberships
 * in our vocabulary: they give the contact only.
 */
import type { ContactRecord, ContactRef, ImportRecord, ListMembershipRecord, ListMembershipStatus } from '../../domain/model';
import { compact, properties, text } from './fields';
import { memberRef } from './identity';
import { type MapResult, type Problem, failed, optionalDate, problemFromZod } from './problems';
import { listMemberSchema } from './schemas';

type DateSource = [field: string, date: Date | undefined];

const MEMBER_STATUS: Record<string, ListMembershipStatus | undefined> = {
  subscribed: 'SUBSCRIBED',
  unsubscribed: 'UNSUBSCRIBED',
  cleaned: 'CLEANED',
  pending: 'PENDING',
};
/** Merge tags that become contact fields rather than properties. */
const NAMED_MERGE_TAGS = new Set(['FNAME', 'LNAME', 'COMPANY']);

export function mapListMember(input: unknown): MapResult<ImportRecord> {
  const parsed = listMemberSchema.safeParse(input);
  if (!parsed.success) return failed(problemFromZod(parsed.error, input));
  const member = parsed.data;
  const { ref, problem } = memberRef(member.email_address, member.id, 'id', 'email_address');
  if (!ref) return failed(problem!);
  const signup = optionalDate(member.timestamp_signup, 'timestamp_signup');
  const opt = optionalDate(member.timestamp_opt, 'timestamp_opt');
  const changed = optionalDate(member.last_changed, 'last_changed');
  const dateProblem = [signup, opt, changed].find((part) => part.problem)?.problem;
  if (dateProblem) return failed(dateProblem);

  const merge = member.merge_fields ?? {};
  const mergeProperties = Object.fromEntries(
    Object.entries(merge)
      .filter(([tag]) => !NAMED_MERGE_TAGS.has(tag))
      .map(([tag, value]) => [`merge.${tag}`, mergeValue(value)]),
  );
  const contact: ContactRecord = compact({
    kind: 'contact' as const,
    ref,
    firstName: mergeValue(merge.FNAME),
    lastName: mergeValue(merge.LNAME),
    company: mergeValue(merge.COMPANY),
    createdAt: signup.date ?? opt.date,
    properties: properties({
      mailchimpStatus: member.status,
      memberRating: member.member_rating?.toString(),
      uniqueEmailId: member.unique_email_id,
      webId: member.web_id?.toString(),
      contactId: member.contact_id,
      emailType: member.email_type,
      language: member.language,
      vip: member.vip?.toString(),
      source: member.source,
      tags: member.tags?.map((tag) => tag.name).join(', '),
      countryCode: member.location?.country_code,
      timezone: member.location?.timezone,
      region: member.location?.region,
      ...mergeProperties,
    }),
  });
  const status = MEMBER_STATUS[member.status];
  if (!status) return { records: [contact], problems: [] };
  const sources: Record<ListMembershipStatus, DateSource[]> = {
    SUBSCRIBED: [['timestamp_opt', opt.date], ['timestamp_signup', signup.date], ['last_changed', changed.date]],
    PENDING: [['timestamp_signup', signup.date], ['last_changed', changed.date]],
    UNSUBSCRIBED: [['last_changed', changed.date]],
    CLEANED: [['last_changed', changed.date]],
  };
  const reason = status === 'UNSUBSCRIBED' ? text(member.unsubscribe_reason) : undefined;
  return withMembership(contact, membership(member.list_id, ref, status, sources[status], reason));
}

/** Which export file a CSV row comes from: Mailchimp writes one file per status, with no status column. */
export interface AudienceExportFile {
  status: 'subscribed' | 'unsubscribed' | 'cleaned' | 'nonsubscribed';
  listExternalId: string;
}

const SYSTEM_COLUMNS = new Set(
  ('Email Address,First Name,Last Name,Company,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,' +
    'GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,' +
    'UNSUB_REASON,UNSUB_REASON_OTHER,CLEAN_TIME,CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID').split(','),
);

/**
 * One row of an "Export Audience" CSV (values by header). OPTIN_TIME is the signup (API timestamp_signup),
 * CONFIRM_TIME the opt-in confirmation (API timestamp_opt); LEID is the member's web id, EUID its
 * unique_email_id. Columns that are not Mailchimp's own are merge fields, kept as `merge.<label>`.
 */
export function mapAudienceRow(values: Record<string, string>, file: AudienceExportFile): MapResult<ImportRecord> {
  const email = text(values['Email Address']);
  if (!email) return failed({ field: 'Email Address', reason: '"Email Address" is empty; every exported member has one (is the row shifted?)' });
  const { ref, problem } = memberRef(email, undefined, 'Email Address', 'Email Address');
  if (!ref) return failed(problem!);
  const dates: Record<string, Date | undefined> = {};
  for (const field of ['OPTIN_TIME', 'CONFIRM_TIME', 'LAST_CHANGED', 'UNSUB_TIME', 'CLEAN_TIME']) {
    const parsed = optionalDate(values[field], field);
    if (parsed.problem) return failed(parsed.problem);
    dates[field] = parsed.date;
  }
  const mergeProperties = Object.fromEntries(
    Object.entries(values)
      .filter(([column]) => !SYSTEM_COLUMNS.has(column))
      .map(([column, value]) => [`merge.${column}`, value]),
  );
  const contact: ContactRecord = compact({
    kind: 'contact' as const,
    ref,
    firstName: text(values['First Name']),
    lastName: text(values['Last Name']),
    company: text(values.Company),
    createdAt: dates.OPTIN_TIME ?? dates.CONFIRM_TIME,
    properties: properties({
      mailchimpStatus: file.status,
      memberRating: values.MEMBER_RATING,
      uniqueEmailId: values.EUID,
      webId: values.LEID,
      countryCode: values.CC,
      timezone: values.TIMEZONE,
      region: values.REGION,
      notes: values.NOTES,
      tags: tagsFrom(values.TAGS),
      ...mergeProperties,
    }),
  });
  const date = (field: string): DateSource => [field, dates[field]];
  if (file.status === 'subscribed') {
    return withMembership(contact, membership(file.listExternalId, ref, 'SUBSCRIBED', [date('CONFIRM_TIME'), date('OPTIN_TIME'), date('LAST_CHANGED')]));
  }
  if (file.status === 'unsubscribed') {
    const reason = [text(values.UNSUB_REASON), text(values.UNSUB_REASON_OTHER)].filter(Boolean).join(': ') || undefined;
    return withMembership(contact, membership(file.listExternalId, ref, 'UNSUBSCRIBED', [date('UNSUB_TIME'), date('LAST_CHANGED')], reason));
  }
  if (file.status === 'cleaned') {
    const campaign = text(values.CLEAN_CAMPAIGN_TITLE);
    const reason = campaign ? `cleaned after campaign "${campaign}"` : undefined;
    return withMembership(contact, membership(file.listExternalId, ref, 'CLEANED', [date('CLEAN_TIME'), date('LAST_CHANGED')], reason));
  }
  return { records: [contact], problems: [] };
}

function membership(listExternalId: string, contact: ContactRef, status: ListMembershipStatus, sources: DateSource[], reason?: string): ListMembershipRecord | Problem {
  const found = sources.find(([, date]) => date !== undefined);
  if (!found) {
    const fields = sources.map(([field]) => `"${field}"`).join(', ');
    return { field: sources[0][0], reason: `no date for the ${status} membership: ${fields} ${sources.length > 1 ? 'are all' : 'is'} empty` };
  }
  return compact({ kind: 'membership' as const, listExternalId, contact, status, at: found[1]!, reason });
}

/** The contact always maps; a membership without a date is a problem of its own, not a lost contact. */
function withMembership(contact: ContactRecord, outcome: ListMembershipRecord | Problem): MapResult<ImportRecord> {
  return 'kind' in outcome ? { records: [contact, outcome], problems: [] } : { records: [contact], problems: [outcome] };
}

/** A merge field value: text, a number, or an ADDRESS object ({addr1, addr2, city, state, zip, country}). */
function mergeValue(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null) {
    const parts = ['addr1', 'addr2', 'city', 'state', 'zip', 'country'].map((key) => (value as Record<string, unknown>)[key]);
    return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(', ') || undefined;
  }
  return undefined;
}

/** TAGS holds a quoted list (`"VIP","Blog"` once the CSV quoting is undone): → "VIP, Blog". */
function tagsFrom(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const quoted = [...value.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1].replace(/""/g, '"'));
  return quoted.length > 0 ? quoted.join(', ') : value.trim();
}
