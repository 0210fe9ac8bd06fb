// The one way run-folder code touches files, so that it runs the same on disk and in memory.
// Paths use `/`; Node accepts them on every platform.

import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface FolderReader {
  /** The file's bytes, or undefined when it does not exist or cannot be read. */
  readFile(filePath: string): Promise<Uint8Array | undefined>;
  /** The names in a folder (files and sub-folders), or undefined when it is not a readable folder. */
  listDir(dirPath: string): Promise<string[] | undefined>;
}

export interface FolderWriter {
  /** Writes the file, creating missing parent folders. */
  writeFile(filePath: string, data: Uint8Array | string): Promise<void>;
}

export function joinFolderPath(dir: string, relative: string): string {
  return dir === '' || dir === '.' ? path.posix.normalize(relative) : path.posix.join(dir, relative);
}

export function nodeFolder(): FolderReader & FolderWriter {
  return {
    async readFile(filePath) {
      try {
        return await fsp.readFile(filePath);
      } catch {
        return undefined;
      }
    },
    async listDir(dirPath) {
      try {
        return (await fsp.readdir(dirPath)).sort();
      } catch {
        return undefined;
      }
    },
    async writeFile(filePath, data) {
      await fsp.mkdir(path.dirname(filePath), { recursive: true });
      await fsp.writeFile(filePath, data);
    },
  };
}

export interface InMemoryFolder extends FolderReader, FolderWriter {
  /** Every file by normalised path. */
  readonly files: Map<string, Uint8Array>;
}

/** Files given by path (`run/spool/log/mainlog`); folders exist when a file lies under them. */
export function inMemoryFolder(initial: Record<string, string | Uint8Array> = {}): InMemoryFolder {
  const files = new Map<string, Uint8Array>();
  const put = (filePath: string, data: string | Uint8Array): void => {
    files.set(normalise(filePath), typeof data === 'string' ? new TextEncoder().encode(data) : data);
  };
  for (const [filePath, data] of Object.entries(initial)) put(filePath, data);

  return {
    files,
    async readFile(filePath) {
      return files.get(normalise(filePath));
    },
    async listDir(dirPath) {
      const dir = normalise(dirPath);
      const prefix = dir === '.' ? '' : `${dir}/`;
      const names = new Set<string>();
      for (const filePath of files.keys()) {
        if (filePath.startsWith(prefix)) names.add(filePath.slice(prefix.length).split('/')[0]);
      }
      return names.size > 0 ? [...names].sort() : undefined;
    },
    async writeFile(filePath, data) {
      put(filePath, data);
    },
  };
}

function normalise(filePath: string): string {
  const normal = path.posix.normalize(filePath);
  return normal.endsWith('/') && normal.length > 1 ? normal.slice(0, -1) : normal;
}
