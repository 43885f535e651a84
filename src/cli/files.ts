import { readFileSync, writeFileSync } from 'node:fs';
import { RapportError } from '../domain/errors.ts';

// Files the user names on the command line: a failure says which file and why, in words, not Node's ENOENT.
function fileError(path: string, verb: 'read' | 'write', error: unknown): RapportError {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, [RapportError['code'], string]> = {
    ENOENT: ['not_found', verb === 'read' ? 'no such file' : 'its folder does not exist'],
    EISDIR: ['invalid', 'it is a folder, not a file'],
    ENOTDIR: ['invalid', 'part of the path is a file, not a folder'],
    EACCES: ['forbidden', 'permission denied'],
    EPERM: ['forbidden', 'permission denied'],
    EROFS: ['forbidden', 'the disk is read-only'],
  };
  const [kind, reason] = (code && why[code]) || ['invalid', error instanceof Error ? error.message : String(error)];
  return new RapportError(kind, `cannot ${verb} ${path}: ${reason}`, { cause: error });
}

export function readUserFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw fileError(path, 'read', e);
  }
}

export function writeUserFile(path: string, content: string): void {
  try {
    writeFileSync(path, content);
  } catch (e) {
    throw fileError(path, 'write', e);
  }
}
