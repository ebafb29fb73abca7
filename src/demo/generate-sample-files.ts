/**
 * The demo workspace's sample files: realistic vendor exports generated from one planned story (plan.ts),
 * which `npm start` imports through the real connectors — so the demo exercises the same code paths as real
 * data. `buildSampleFiles` is pure (same seed and `now` → byte-identical content, no clock, no network);
 * `generateSampleFiles` only writes its result to a directory.
 *
 * Files come back in import order: CRM contacts first (so every other source resolves to named contacts by
 * e-mail or phone), then deals, the Mailchimp audience and reports before their email activity (campaigns get
 * their names before events name them), SendGrid and WhatsApp, and the site's events last (conversions are
 * attributed to the email clicks already imported).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan, type DemoPlan, type PlanOptions } from './plan';
import { genericEventsNdjson, genericSpendCsv } from './sources/generic';
import { hubspotContactsCsv, hubspotDealsCsv } from './sources/hubspot';
import { mailchimpCampaigns, mailchimpEmailActivity, mailchimpReportsJson } from './sources/mailchimp';
import { audienceFileName, mailchimpAudienceCsv, type AudienceStatus } from './sources/mailchimp-audience';
import { sendgridEventsNdjson } from './sources/sendgrid';
import { whatsappWebhooksNdjson } from './sources/whatsapp';

export type SampleSource = 'sendgrid' | 'mailchimp' | 'hubspot' | 'whatsapp' | 'generic';

export interface SampleFile {
  source: SampleSource;
  /** File name (no directory). */
  name: string;
  /** The connector's FileKind name that reads it. */
  kind: string;
  content: string;
}

export interface GeneratedSampleFile {
  source: SampleSource;
  /** Full path of the written file. */
  file: string;
  kind: string;
}

export type SampleFileOptions = PlanOptions;

/** The sample files for a plan, in import order; a file with nothing in it is left out. */
export function sampleFilesOf(plan: DemoPlan): SampleFile[] {
  const audience = (status: AudienceStatus): SampleFile => ({ source: 'mailchimp', name: audienceFileName(plan, status), kind: 'audience-csv', content: mailchimpAudienceCsv(plan, status) });
  const files: SampleFile[] = [
    { source: 'hubspot', name: 'hubspot-contacts.csv', kind: 'contacts-csv', content: hubspotContactsCsv(plan) },
    { source: 'hubspot', name: 'hubspot-deals.csv', kind: 'deals-csv', content: hubspotDealsCsv(plan) },
    audience('subscribed'),
    audience('unsubscribed'),
    audience('cleaned'),
    { source: 'mailchimp', name: 'mailchimp-reports.json', kind: 'reports', content: mailchimpReportsJson(plan) },
    ...mailchimpCampaigns(plan).map((campaign): SampleFile => ({
      source: 'mailchimp', name: `mailchimp-email-activity-${campaign.externalId}.ndjson`, kind: 'email-activity', content: mailchimpEmailActivity(plan, campaign),
    })),
    { source: 'sendgrid', name: 'sendgrid-events.ndjson', kind: 'events', content: sendgridEventsNdjson(plan) },
    { source: 'whatsapp', name: 'whatsapp-webhooks.ndjson', kind: 'cloud-webhook', content: whatsappWebhooksNdjson(plan) },
    { source: 'generic', name: 'site-events.ndjson', kind: 'events-ndjson', content: genericEventsNdjson(plan) },
    { source: 'generic', name: 'marketing-spend.csv', kind: 'events-csv', content: genericSpendCsv(plan) },
  ];
  return files.filter((file) => file.content !== '');
}

export function buildSampleFiles(options: SampleFileOptions): SampleFile[] {
  return sampleFilesOf(buildPlan(options));
}

/** Writes the sample files into `directory` (created if missing) and lists them in import order. */
export function generateSampleFiles(directory: string, options: SampleFileOptions): GeneratedSampleFile[] {
  mkdirSync(directory, { recursive: true });
  return buildSampleFiles(options).map(({ source, name, kind, content }) => {
    const file = join(directory, name);
    writeFileSync(file, content, 'utf8');
    return { source, file, kind };
  });
}
