/**
 * The connectors that can pull from their vendor's API, by source. A SendGrid pull is the next entry.
 */
import type { Source } from '../domain/model';
import { hubspotPull } from './hubspot/pull';
import { mailchimpPull } from './mailchimp/pull';
import type { ConnectorPull } from './sdk/pull/pull';

const PULLS: Partial<Record<Source, ConnectorPull>> = { hubspot: hubspotPull(), mailchimp: mailchimpPull() };

export function findPull(source: string): ConnectorPull | undefined {
  return PULLS[source as Source];
}

export const pullSources = () => Object.keys(PULLS).join(', ');
