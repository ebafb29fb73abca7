import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { UnusableInputError } from '../../connectors/sdk/errors';
import type { LeadEventBus } from '../../services/engagement/bus';
import { UserInputError } from '../../services/errors';
import { importUpload, UploadTooLargeError } from '../../services/import-upload';
import { principalOf, requireKey } from './require-key';

export const UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;

/**
 * POST /imports?source=…&kind=…&strict=true&timezone=…&filename=…&batchSize=… with the file as the raw body:
 * 200 with the import summary (rejected rows listed; status FAILED under strict), 400 when the file is unusable,
 * 413 when it is too large. The same as `funnelgraph import`, for a browser user.
 */
export function importRoutes(dataSource: DataSource, leadEvents?: LeadEventBus): Router {
  const router = Router();
  router.post('/imports', requireKey(dataSource, 'write'), async (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    try {
      const summary = await importUpload(
        dataSource,
        {
          workspaceId: principalOf(res).workspaceId,
          source: query.source ?? '',
          fileName: query.filename ?? 'upload',
          kind: query.kind,
          strict: query.strict === 'true',
          timezone: query.timezone,
          batchSize: query.batchSize === undefined ? undefined : Number(query.batchSize),
        },
        req,
        UPLOAD_LIMIT_BYTES,
        leadEvents,
      );
      res.status(summary.status === 'FAILED' && summary.rejected.length === 0 ? 400 : 200).json(summary);
    } catch (error) {
      if (error instanceof UploadTooLargeError) res.status(413).json({ error: error.message });
      else if (error instanceof UnusableInputError || error instanceof UserInputError) res.status(400).json({ error: error.message });
      else throw error;
    }
  });
  return router;
}
