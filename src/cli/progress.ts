import { SingleBar } from 'cli-progress';
import type { ImportProgress } from '../connectors/sdk/import/run-import';

/** A terminal progress bar (cli-progress) on stderr: bytes read, rows and rows per second. */
export function createProgressBar() {
  const bar = new SingleBar(
    { format: '{file} |{bar}| {percentage}% {mb} MB · {rows} rows · {rate} rows/s', stream: process.stderr, hideCursor: true, clearOnComplete: false },
  );
  let started = false;
  let currentFile = '';
  const startedAt = Date.now();
  return {
    update(progress: ImportProgress) {
      const total = progress.bytesTotal ?? 0;
      const payload = {
        file: progress.file,
        mb: (progress.bytesRead / 1e6).toFixed(1),
        rows: progress.rows,
        rate: Math.round(progress.rows / Math.max(0.001, (Date.now() - startedAt) / 1000)),
      };
      if (!started || currentFile !== progress.file) {
        if (started) bar.stop();
        bar.start(Math.max(total, 1), progress.bytesRead, payload);
        started = true;
        currentFile = progress.file;
      } else bar.update(progress.bytesRead, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Progress for a non-terminal stderr: one line per committed batch (rows, records, bytes). */
export function createProgressLines() {
  let lastRows = -1;
  return {
    update(progress: ImportProgress) {
      if (progress.rows === lastRows) return;
      lastRows = progress.rows;
      process.stderr.write(`progress: ${progress.file} rows=${progress.rows} records=${progress.records} bytes=${progress.bytesRead}\n`);
    },
    stop() {},
  };
}
