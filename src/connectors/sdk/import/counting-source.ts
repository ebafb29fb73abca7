import type { ByteSource } from '../connector';

/** Wraps a byte stream to report how many bytes have gone through it (for the progress bar). */
export function countingSource(source: ByteSource, onBytes: (total: number) => void): ByteSource {
  return (async function* () {
    let total = 0;
    for await (const chunk of source) {
      total += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      onBytes(total);
      yield chunk;
    }
  })();
}
