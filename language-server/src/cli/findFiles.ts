/**
 * The files a CLI argument names: a file as given, or every script and REQUIRES below a
 * folder, in sorted path order. Symlinked scripts are skipped (Exim's tree has six that point
 * at another script); paths keep the form in which they were reached.
 */
import { promises as fs } from 'node:fs';
import { decodeScriptBytes } from '../syntax/lines';
import { storedSymlinkTarget } from '../testTree';

const LINTABLE = /^(?:\d{4}|REQUIRES)$/;

export interface FoundFiles {
  files: string[];
  missing: string[];
}

export async function findFiles(args: string[]): Promise<FoundFiles> {
  const found: FoundFiles = { files: [], missing: [] };
  for (const arg of args) {
    let stat;
    try { stat = await fs.lstat(arg); } catch { found.missing.push(arg); continue; }
    if (stat.isDirectory()) {
      const below: string[] = [];
      await walk(arg, below);
      found.files.push(...below.sort());
    } else if (!stat.isSymbolicLink()) {
      found.files.push(arg);
    } else {
      const target = await fs.stat(arg).catch(() => undefined);
      if (target?.isFile()) found.files.push(arg);
      else found.missing.push(arg);
    }
  }
  return found;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = dir.endsWith('/') ? dir + entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && LINTABLE.test(entry.name)) out.push(full);
  }
}

/**
 * A found file's text as runtest reads it (one character per byte), or undefined for a script
 * that is really a symlink stored as text by a checkout without symlink support: skipped like one.
 */
export async function readFoundFile(file: string): Promise<string | undefined> {
  const text = decodeScriptBytes(await fs.readFile(file));
  return storedSymlinkTarget(text) === undefined ? text : undefined;
}
