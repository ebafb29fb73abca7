import type { DataSource } from 'typeorm';
import { CONNECTORS } from '../../connectors/registry';
import type { Source } from '../../domain/model';
import { listConnectorSettings, type ConnectorSettingsView, type SecretName } from './settings';

export interface ConnectorListing {
  source: Source;
  displayName: string;
  configured: boolean;
  secrets: SecretName[];
  baseUrl: string | null;
  syncIntervalMinutes: number | null;
  webhookPath: string;
  fileKinds: string[];
  updatedAt: Date | null;
}

/** The webhook route of a source for a workspace (api.md); the Mailchimp secret is a placeholder, never the value. */
export function webhookPath(source: Source, workspaceSlug: string): string {
  return source === 'mailchimp' ? `/webhooks/mailchimp/${workspaceSlug}/{webhookSecret}` : `/webhooks/${source}/${workspaceSlug}`;
}

/** Every source that can be set up, with this workspace's settings (secrets by name only). */
export async function listConnectors(dataSource: DataSource, workspaceId: number, workspaceSlug: string): Promise<ConnectorListing[]> {
  const settings = new Map<string, ConnectorSettingsView>((await listConnectorSettings(dataSource, workspaceId)).map((view) => [view.source, view]));
  return CONNECTORS.filter((connector) => connector.source !== 'generic').map((connector) => {
    const view = settings.get(connector.source);
    return {
      source: connector.source,
      displayName: connector.displayName,
      configured: Boolean(view?.secretNames.length),
      secrets: view?.secretNames ?? [],
      baseUrl: view?.baseUrl ?? null,
      syncIntervalMinutes: view?.syncIntervalMinutes ?? null,
      webhookPath: webhookPath(connector.source, workspaceSlug),
      fileKinds: connector.fileKinds.map((kind) => kind.name),
      updatedAt: view?.updatedAt ?? null,
    };
  });
}
