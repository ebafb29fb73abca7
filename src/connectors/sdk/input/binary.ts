import { UnusableInputError } from '../errors';

/**
 * Rejects binary input early: a NUL byte, or a large share of control characters, in the first chunk
 * means this is not a text export (zip, image, spreadsheet saved as .xlsx …).
 */
export function assertLooksLikeText(chunk: Buffer, fileName: string): void {
  const sample = chunk.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      throw new UnusableInputError(fileName, 1, 'this is a binary file, not a text export (found a NUL byte); export the data as CSV or JSON');
    }
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    throw new UnusableInputError(fileName, 1, 'this looks like a binary file, not a text export; export the data as CSV or JSON');
  }
}

export function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}
