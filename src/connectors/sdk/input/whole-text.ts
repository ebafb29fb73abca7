import type { ByteSource } from '../connector';
import { UnusableInputError } from '../errors';

/** Reads a small input whole (a webhook body), refusing more than `limitBytes`. */
export async function readWholeText(input: ByteSource, fileName: string, limitBytes = 8 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limitBytes) throw new UnusableInputError(fileName, undefined, `larger than ${limitBytes} bytes, which this kind reads whole`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
