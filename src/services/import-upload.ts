import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { connectorNames, findConnector } from '../connectors/registry';
import { runImport, type ImportSummary } from '../connectors/sdk/import/run-import';
import type { LeadEventBus } from './engagement/bus';
import { importProgressPublisher } from './imports/progress';
import { UserInputError } from './errors';

export interface UploadRequest {
  workspaceId: number;
  source: string;
  fileName: string;
  kind?: string;
  strict?: boolean;
  timezone?: string;
  /** Records per transaction (default runImport's); small values make progress finer. */
  batchSize?: number;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the upload is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB; import large files with the CLI (npx funnelgraph import)`);
  }
}

const MAX_BATCH_SIZE = 50_000;

/**
 * Imports an uploaded file (a browser user's counterpart of `funnelgraph import`): the body is spooled to a
 * temporary file first, because detection and --strict read the file more than once, then removed.
 * Its progress is published for importProgress subscribers (services/imports/progress.ts).
 */
export async function importUpload(
  dataSource: DataSource,
  request: UploadRequest,
  body: Readable | string,
  limitBytes: number,
  leadEvents?: LeadEventBus,
): Promise<ImportSummary> {
  const connector = findConnector(request.source);
  if (!connector) throw new UserInputError(`unknown source "${request.source}" (sources: ${connectorNames()})`);
  const { batchSize } = request;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_BATCH_SIZE)) {
    throw new UserInputError(`batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE} (got ${batchSize})`);
  }
  const safeName = path.basename(request.fileName || 'upload').replace(/[^\w.\- ]/g, '_') || 'upload';
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-upload-'));
  const file = path.join(directory, safeName);
  try {
    if (typeof body === 'string') {
      if (Buffer.byteLength(body) > limitBytes) throw new UploadTooLargeError(limitBytes);
      fs.writeFileSync(file, body);
    } else {
      let size = 0;
      const limiter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          callback(size > limitBytes ? new UploadTooLargeError(limitBytes) : null, chunk);
        },
      });
      await pipeline(body, limiter, fs.createWriteStream(file));
    }
    const progress = importProgressPublisher(leadEvents, request.workspaceId);
    const summary = await runImport({
      dataSource,
      workspaceId: request.workspaceId,
      connector,
      files: [{ name: safeName, open: () => fs.createReadStream(file), size: fs.statSync(file).size }],
      kind: request.kind,
      strict: request.strict,
      timezone: request.timezone,
      batchSize,
      leadEvents,
      onProgress: progress.onProgress,
    }).catch((error: Error & { importSummary?: ImportSummary }) => {
      if (error.importSummary) progress.finish(error.importSummary);
      throw error;
    });
    progress.finish(summary);
    return summary;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
