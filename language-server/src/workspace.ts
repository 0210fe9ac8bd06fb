/**
 * The one way features reach files other than the open document (confs/NNNN, log/NNNN,
 * REQUIRES…). Paths are plain POSIX paths; tests use `InMemoryWorkspace`.
 */
import { promises as fs } from 'node:fs';

export interface Workspace {
  readFile(path: string): Promise<Uint8Array | undefined>;
  exists(path: string): Promise<boolean>;
  /** Names in a folder, or undefined when it is not a folder. */
  listDir(path: string): Promise<string[] | undefined>;
}

export class NodeWorkspace implements Workspace {
  async readFile(path: string): Promise<Uint8Array | undefined> {
    try { return await fs.readFile(path); } catch { return undefined; }
  }
  async exists(path: string): Promise<boolean> {
    try { await fs.stat(path); return true; } catch { return false; }
  }
  async listDir(path: string): Promise<string[] | undefined> {
    try { return await fs.readdir(path); } catch { return undefined; }
  }
}

export class InMemoryWorkspace implements Workspace {
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.set(path, content);
  }
  set(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  }
  async readFile(path: string): Promise<Uint8Array | undefined> { return this.files.get(path); }
  async exists(path: string): Promise<boolean> {
    if (this.files.has(path)) return true;
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }
  async listDir(path: string): Promise<string[] | undefined> {
    const prefix = path.endsWith('/') ? path : path + '/';
    const names = new Set<string>();
    for (const key of this.files.keys()) if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]);
    return names.size ? [...names].sort() : undefined;
  }
}
