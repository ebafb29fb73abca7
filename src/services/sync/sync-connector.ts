/**
 * One pull of a workspace's configured source, as the API (syncNow) and the scheduler start it: the settings and
 * credentials come from the connector set-up; two pulls of the same workspace and source never run at once in this
 * process (a second request is told so). Pulls are idempotent, so two instances overlapping lose nothing.
 */
import type { DataSource } from 'typeorm';
import { findPull, pullSources } from '../../connectors/pulls';
import type { Source } from '../../domain/model';
import type { SecretCipher } from '../connectors/cipher';
import { configurableSource, requireConnectorSettings } from '../connectors/settings';
import type { LeadEventBus } from '../engagement/bus';
import { UserInputError } from '../errors';
import { runSync, type SyncSummary } from './run-sync';

const running = new Set<string>();

export async function syncConfiguredSource(
  dataSource: DataSource,
  cipher: SecretCipher,
  workspaceId: number,
  sourceName: string,
  leadEvents?: LeadEventBus,
): Promise<SyncSummary> {
  const source: Source = configurableSource(sourceName);
  const pull = findPull(source);
  if (!pull) throw new UserInputError(`${source} has no API pull yet (pulls: ${pullSources()}); import its export files instead`);
  const settings = await requireConnectorSettings(dataSource, cipher, workspaceId, source);
  if (!settings.apiKey) throw new UserInputError(`${source} has no API key set up: configureConnector(input: { source: "${source}", apiKey: … }) or funnelgraph connectors add`);
  const key = `${workspaceId}/${source}`;
  if (running.has(key)) throw new UserInputError(`a ${source} pull of this workspace is already running; follow it in imports`);
  running.add(key);
  try {
    return await runSync({ dataSource, workspaceId, source, pull, leadEvents, credentials: { apiKey: settings.apiKey, baseUrl: settings.baseUrl } });
  } finally {
    running.delete(key);
  }
}
