/**
 * The in-process scheduler of configured pulls: every tick it reads the connector set-ups with a sync interval and
 * starts, one after the other, the pulls whose last run (an import run `sync:<source>`) began longer ago than
 * their interval. `serve` starts it; a pull that fails is reported and retried at its next due time.
 */
import type { DataSource } from 'typeorm';
import { findPull } from '../../connectors/pulls';
import type { SecretCipher } from '../connectors/cipher';
import { scheduledConnectors } from '../connectors/settings';
import type { LeadEventBus } from '../engagement/bus';
import type { SyncSummary } from './run-sync';
import { syncConfiguredSource } from './sync-connector';

export interface SyncScheduler {
  /** Runs the due pulls now (the timer calls it; tests call it directly). */
  tick(): Promise<SyncSummary[]>;
  stop(): Promise<void>;
}

export function startSyncScheduler(options: {
  dataSource: DataSource;
  cipher: SecretCipher;
  leadEvents?: LeadEventBus;
  tickMs?: number;
  now?: () => Date;
  onRun?: (summary: SyncSummary) => void;
  onError?: (error: Error, due: { workspaceId: number; source: string }) => void;
}): SyncScheduler {
  const now = options.now ?? (() => new Date());
  let current: Promise<SyncSummary[]> = Promise.resolve([]);
  let stopped = false;
  const tick = (): Promise<SyncSummary[]> => {
    current = current.then(async () => {
      const ran: SyncSummary[] = [];
      for (const due of await duePulls(options.dataSource, now())) {
        if (stopped) break;
        try {
          const summary = await syncConfiguredSource(options.dataSource, options.cipher, due.workspaceId, due.source, options.leadEvents);
          ran.push(summary);
          options.onRun?.(summary);
        } catch (error) {
          options.onError?.(error as Error, due);
        }
      }
      return ran;
    });
    return current;
  };
  const timer = options.tickMs ? setInterval(() => void tick(), options.tickMs) : null;
  timer?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await current.catch(() => undefined);
    },
  };
}

async function duePulls(dataSource: DataSource, now: Date): Promise<Array<{ workspaceId: number; source: string }>> {
  const due: Array<{ workspaceId: number; source: string }> = [];
  for (const setting of await scheduledConnectors(dataSource)) {
    if (!findPull(setting.source)) continue;
    const [last] = (await dataSource.query(
      `SELECT max(started_at) AS started FROM import_run WHERE workspace_id = $1 AND files = ARRAY[$2]::text[]`,
      [setting.workspaceId, `sync:${setting.source}`],
    )) as Array<{ started: Date | null }>;
    if (!last?.started || now.getTime() - new Date(last.started).getTime() >= setting.syncIntervalMinutes * 60_000) {
      due.push({ workspaceId: Number(setting.workspaceId), source: setting.source });
    }
  }
  return due;
}
