import type { ByteSource, Connector, FileKind } from '../connector';
import { UnusableInputError } from '../errors';
import { readHead } from '../input/lines';
import { HEAD_BYTES } from '../input/limits';

/** The file kind that reads a file: the one asked for by name, or the first whose detect() accepts its head. */
export async function chooseFileKind(connector: Connector, fileName: string, open: () => ByteSource, requested?: string): Promise<FileKind> {
  const names = connector.fileKinds.map((kind) => kind.name).join(', ');
  if (requested) {
    const kind = connector.fileKinds.find((candidate) => candidate.name === requested);
    if (!kind) throw new UnusableInputError(fileName, undefined, `${connector.source} has no file kind "${requested}" (it reads: ${names})`);
    return kind;
  }
  const head = await readHead(open(), HEAD_BYTES);
  if (head.length === 0) throw new UnusableInputError(fileName, undefined, 'the file is empty');
  if (head.slice(0, 8192).includes('\u0000')) {
    throw new UnusableInputError(fileName, 1, 'this is a binary file, not a text export (found a NUL byte); export the data as CSV or JSON');
  }
  const kind = connector.fileKinds.find((candidate) => candidate.detect(head, fileName));
  if (!kind) {
    throw new UnusableInputError(fileName, 1, `not a ${connector.displayName} file this connector reads (kinds: ${names}); name the kind with --kind if it is one of them`);
  }
  return kind;
}
